using Azure.Data.Tables;
using LlmSpell.Errors;
using LlmSpell.Orchestrations.DurableTaskFramework;
using LlmSpell.Orchestrations.Storage.AzureStorage;
using LlmSpell.Testing;
using Xunit;

namespace LlmSpell.Orchestrations.Tests;

/// <summary>What the DTFx task hub does besides running the scenarios: the hubs it will not touch.</summary>
public sealed class AzureStorageBackendTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_task_hub_of_the_earlier_engine_is_refused_and_left_as_it_is()
    {
        var ct = TestContext.Current.CancellationToken;
        var account = AzureStorageAccount.FromConnectionString(azurite.ConnectionString);
        // A row as LlmSpell's own Azure Storage engine wrote it: "Status", where DTFx writes "RuntimeStatus".
        var instances = account.Tables().GetTableClient("earlierInstances");
        await instances.CreateIfNotExistsAsync(ct);
        await instances.AddEntityAsync(new TableEntity("run-1", "") { ["Name"] = "LlmSpellWorkflow", ["Status"] = "Running" }, ct);

        await using var backend = new AzureStorageBackend(new AzureStorageTaskHubOptions { Account = account, TaskHub = "earlier" });
        var error = await Assert.ThrowsAsync<SpellException>(() => backend.Client.EnsureCreatedAsync(ct));

        Assert.Equal(SpellErrorCode.BadArgument, error.Code);
        Assert.Contains("task hub 'earlier' holds runs of LlmSpell's earlier Azure Storage engine", error.Message, StringComparison.Ordinal);
        Assert.Contains("durable.taskHub", error.Message, StringComparison.Ordinal);
        var row = await instances.GetEntityAsync<TableEntity>("run-1", "", cancellationToken: ct);
        Assert.Equal("Running", row.Value.GetString("Status"));
        Assert.False(await account.Queues().GetQueueClient("earlier-workitems").ExistsAsync(ct));
    }

    [Fact]
    public async Task A_new_task_hub_is_created_on_first_use()
    {
        var ct = TestContext.Current.CancellationToken;
        var account = AzureStorageAccount.FromConnectionString(azurite.ConnectionString);
        await using var backend = new AzureStorageBackend(new AzureStorageTaskHubOptions { Account = account, TaskHub = "fresh", PartitionCount = 2 });
        await backend.Client.EnsureCreatedAsync(ct);

        Assert.True(await account.Queues().GetQueueClient("fresh-workitems").ExistsAsync(ct));
        Assert.True(await account.Queues().GetQueueClient("fresh-control-01").ExistsAsync(ct));
        Assert.False(await account.Queues().GetQueueClient("fresh-control-02").ExistsAsync(ct));
    }
}
