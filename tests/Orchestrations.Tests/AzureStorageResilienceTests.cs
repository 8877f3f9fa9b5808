using LlmSpell.Orchestrations.Client;
using LlmSpell.Orchestrations.History;
using LlmSpell.Orchestrations.Storage;
using LlmSpell.Orchestrations.DurableTaskFramework;
using LlmSpell.Orchestrations.Storage.AzureStorage;
using Microsoft.Extensions.Logging.Abstractions;
using LlmSpell.Testing;
using Xunit;

namespace LlmSpell.Orchestrations.Tests;

/// <summary>Durable runs on Azure Storage (DTFx) when storage goes away, and with several workers on one task hub.</summary>
public sealed class AzureStorageResilienceTests : IAsyncLifetime
{
    private static readonly string[] Cities = ["Tokyo", "Seattle", "London", "Amsterdam", "Mumbai"];
    private AzuriteFixture _azurite = null!;

    public ValueTask InitializeAsync()
    {
        _azurite = new AzuriteFixture();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _azurite.DisposeAsync();

    private AzureStorageBackend Backend(string hub) => new(new AzureStorageTaskHubOptions
    {
        Account = AzureStorageAccount.FromConnectionString(_azurite.ConnectionString),
        TaskHub = hub,
        MaxQueuePollingInterval = TimeSpan.FromMilliseconds(100),
    });

    private static OrchestrationRegistry HelloCities() => new OrchestrationRegistry()
        .AddActivity<string, string>("SayHello", city => $"Hello {city}!")
        .AddOrchestrator<int, List<string>>("HelloCities", async (context, n) =>
        {
            var greetings = new List<string>();
            foreach (var city in Cities)
            {
                greetings.Add((await context.CallActivityAsync<string>("SayHello", $"{city} {n}"))!);
                await context.CreateTimer(TimeSpan.FromMilliseconds(200));
            }
            return greetings;
        });

    private static readonly DurableWorkerOptions Fast = new()
    {
        MaxPollInterval = TimeSpan.FromMilliseconds(100),
        LockTimeout = TimeSpan.FromSeconds(5),
        StoreErrorBackoff = TimeSpan.FromMilliseconds(250),
    };

    [Fact]
    public async Task Runs_in_flight_complete_after_the_storage_emulator_restarts()
    {
        await using var backend = Backend("restart");
        await backend.Client.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var worker = backend.CreateWorker(HelloCities(), Fast, NullLoggerFactory.Instance);
        await worker.StartAsync(TestContext.Current.CancellationToken);
        var client = backend.Client;
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await client.ScheduleNewOrchestrationInstanceAsync("HelloCities", i, cancellationToken: TestContext.Current.CancellationToken));
        }

        await Task.Delay(700, TestContext.Current.CancellationToken);
        var finished = await client.QueryInstancesAsync(new InstanceQuery { Statuses = [OrchestrationStatus.Completed], FetchPayloads = false }, TestContext.Current.CancellationToken);
        Assert.True(finished.Instances.Count < ids.Count, "every run had finished before the restart");
        await _azurite.RestartAsync(downtime: TimeSpan.FromSeconds(2));

        await AssertAllCompletedAsync(client, ids);
        await worker.StopAsync(TestContext.Current.CancellationToken);
        ((IDisposable)worker).Dispose();
    }

    [Fact]
    public async Task Two_workers_with_their_own_connections_share_one_task_hub()
    {
        await using var first = Backend("shared");
        await using var second = Backend("shared");
        await first.Client.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        var workers = new[] { first, second }.Select(b => b.CreateWorker(HelloCities(), Fast, NullLoggerFactory.Instance)).ToList();
        foreach (var worker in workers)
        {
            await worker.StartAsync(TestContext.Current.CancellationToken);
        }
        var client = second.Client;
        var ids = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await client.ScheduleNewOrchestrationInstanceAsync("HelloCities", i, cancellationToken: TestContext.Current.CancellationToken));
        }
        await AssertAllCompletedAsync(client, ids);
        foreach (var worker in workers)
        {
            await worker.StopAsync(TestContext.Current.CancellationToken);
            ((IDisposable)worker).Dispose();
        }
    }

    private static async Task AssertAllCompletedAsync(IDurableClient client, List<string> ids)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        foreach (var (id, n) in ids.Select((id, n) => (id, n)))
        {
            var done = await client.WaitForInstanceCompletionAsync(id, deadline.Token);
            Assert.Equal(OrchestrationStatus.Completed, done.Status);
            Assert.Equal(Cities.Select(c => $"Hello {c} {n}!"), done.ReadOutputAs<List<string>>());
            var history = await client.GetHistoryAsync(id, deadline.Token);
            var answered = history.Select(e => e.AnsweredId()).OfType<int>().ToList();
            Assert.Equal(answered.Count, answered.Distinct().Count());
            Assert.Equal(10, answered.Count);
        }
    }
}
