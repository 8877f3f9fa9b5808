using LlmSpell.Orchestrations.DurableTaskFramework;
using LlmSpell.Orchestrations.Storage.AzureStorage;
using LlmSpell.Orchestrations.Tests.Scenarios;
using LlmSpell.Testing;
using Xunit;

namespace LlmSpell.Orchestrations.Tests;

/// <summary>The scenario suite on the Durable Task Framework's Azure Storage backend against Azurite, one task hub per scenario.</summary>
public sealed class AzureStorageScenarios(AzuriteFixture azurite) : OrchestrationScenarios, IClassFixture<AzuriteFixture>
{
    protected override bool IsEmbeddedEngine => false;

    protected override TimeSpan TimerPadding => TimeSpan.FromSeconds(1);

    protected override bool HistoryKeepsTaskInputs => false;

    protected override IDurableBackend CreateBackend() => new AzureStorageBackend(new AzureStorageTaskHubOptions
    {
        Account = AzureStorageAccount.FromConnectionString(azurite.ConnectionString),
        TaskHub = "t" + Guid.NewGuid().ToString("N")[..16],
        MaxQueuePollingInterval = TimeSpan.FromMilliseconds(100),
    });
}
