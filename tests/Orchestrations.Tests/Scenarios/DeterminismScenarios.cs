using Xunit;
using LlmSpell.Orchestrations.History;
using LlmSpell.Orchestrations.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LlmSpell.Orchestrations.Tests.Scenarios;

public abstract partial class OrchestrationScenarios
{
    [Fact]
    public async Task New_guid_gives_the_same_values_on_every_replay()
    {
        var seen = new List<Guid[]>();
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Step", s => s)
            .AddOrchestrator<object, Guid[]>("Guids", async (context, _) =>
            {
                var ids = new[] { context.NewGuid(), context.NewGuid() };
                lock (seen)
                {
                    seen.Add(ids);
                }
                await context.CallActivityAsync<string>("Step", "x");
                await context.CallActivityAsync<string>("Step", "y");
                return ids;
            }));
        var done = await hub.RunAsync("Guids");
        var output = done.ReadOutputAs<Guid[]>()!;
        Assert.NotEqual(output[0], output[1]);
        Assert.Equal(3, seen.Count);
        Assert.All(seen, ids => Assert.Equal(output, ids));
        Assert.Equal(5, (output[0].ToByteArray(bigEndian: true)[6] >> 4));
    }

    [Fact]
    public async Task Current_time_is_the_same_on_every_replay_and_advances_between_episodes()
    {
        var seen = new List<DateTime>();
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Step", s => { Thread.Sleep(20); return s; })
            .AddOrchestrator<object, int>("Clock", async (context, _) =>
            {
                var start = context.CurrentUtcDateTime;
                await context.CallActivityAsync<string>("Step", "x");
                lock (seen)
                {
                    seen.Add(start);
                }
                Assert.True(context.CurrentUtcDateTime > start);
                return 0;
            }));
        var done = await hub.RunAsync("Clock");
        Assert.Equal(OrchestrationStatus.Completed, done.Status);
        Assert.Single(seen.Distinct());
    }

    [Fact]
    public async Task The_replay_safe_logger_writes_each_message_once()
    {
        using var logs = new FakeLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var registry = new OrchestrationRegistry()
            .AddActivity<string, string>("Step", s => s)
            .AddOrchestrator<object, int>("Logs", async (context, _) =>
            {
                var log = context.CreateReplaySafeLogger("Logs");
                for (var i = 0; i < 3; i++)
                {
                    log.LogInformation("before step {Step}", i);
                    await context.CallActivityAsync<string>("Step", "x");
                }
                return 0;
            });
        await using var hub = await DurableHarness.StartAsync(CreateBackend(), registry, loggers: loggers);
        await hub.RunAsync("Logs");
        var written = logs.Collector.GetSnapshot().Where(r => r.Category == "Logs").Select(r => r.Message).ToList();
        Assert.Equal(["before step 0", "before step 1", "before step 2"], written);
    }

    [Fact]
    public async Task A_duplicated_activity_result_is_recorded_once()
    {
        OnlyOnTheEmbeddedEngine("it sends a second result through the store itself");
        var release = new TaskCompletionSource();
        await using var hub = await StartAsync(r => r
            .AddActivity("Gate", async (_, _) =>
            {
                await release.Task;
                return DataConverter.Serialize("real");
            })
            .AddOrchestrator<object, string>("Once", async (context, _) => (await context.CallActivityAsync<string>("Gate"))!));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Once");
        await hub.WaitForAsync(id, s => s.Status == OrchestrationStatus.Running);
        // What a redelivered activity message produces: a second result for the same task.
        await hub.Store.SendAsync(new OrchestrationMessage(id, null, new TaskCompleted(0, DataConverter.Serialize("first copy"))));
        await hub.Store.SendAsync(new OrchestrationMessage(id, null, new TaskCompleted(0, DataConverter.Serialize("second copy"))));
        release.SetResult();
        var done = await hub.WaitAsync(id);
        Assert.Equal("first copy", done.ReadOutputAs<string>());
        AssertNoDuplicateEvents(await hub.Client.GetHistoryAsync(id));
    }

    [Fact]
    public async Task Two_workers_on_one_store_share_the_work_without_duplicating_history()
    {
        await using var hub = await StartAsync(HelloCities, workers: 2);
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await hub.Client.ScheduleNewOrchestrationInstanceAsync("HelloCities"));
        }
        foreach (var id in ids)
        {
            var done = await hub.WaitAsync(id);
            Assert.Equal(5, done.ReadOutputAs<List<string>>()!.Count);
            AssertNoDuplicateEvents(await hub.Client.GetHistoryAsync(id));
        }
    }

    [Fact]
    public async Task History_reads_as_the_story_of_the_run()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Step", s => s)
            .AddOrchestrator<object, string>("Story", async (context, _) =>
            {
                await context.CallActivityAsync<string>("Step", "one");
                await context.CreateTimer(TimeSpan.FromMilliseconds(10));
                return "end";
            }));
        var done = await hub.RunAsync("Story");
        var names = (await hub.Client.GetHistoryAsync(done.InstanceId)).Select(e => e.GetType().Name);
        Assert.Equal(
            ["OrchestratorStarted", "ExecutionStarted", "TaskScheduled",
             "OrchestratorStarted", "TaskCompleted", "TimerCreated",
             "OrchestratorStarted", "TimerFired", "ExecutionCompleted"], names);
    }
}
