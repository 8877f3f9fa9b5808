using LlmSpell.Orchestrations.Storage;
using LlmSpell.Orchestrations.Storage.AzureStorage;
using LlmSpell.Orchestrations.Tests.Scenarios;
using LlmSpell.Testing;
using Xunit;

namespace LlmSpell.Orchestrations.Tests;

/// <summary>The scenario suite on the Azure Storage store against Azurite, one task hub per scenario.</summary>
public sealed class AzureStorageScenarios(AzuriteFixture azurite) : OrchestrationScenarios, IClassFixture<AzuriteFixture>
{
    protected override IOrchestrationStore CreateStore() => new AzureStorageOrchestrationStore(new AzureStorageOrchestrationOptions
    {
        ConnectionString = azurite.ConnectionString,
        TaskHub = "t" + Guid.NewGuid().ToString("N")[..16],
    });
}
