using Xunit;
using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations.Tests.Scenarios;

public abstract partial class OrchestrationScenarios
{
    [Fact]
    public async Task Continue_as_new_loops_with_a_fresh_history_each_generation()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<int, int>("Add", n => n + 1)
            .AddOrchestrator<int, int>("Counter", async (context, n) =>
            {
                var next = await context.CallActivityAsync<int>("Add", n);
                if (next < 10)
                {
                    context.ContinueAsNew(next);
                }
                return next;
            }));
        var done = await hub.RunAsync("Counter", 0);
        Assert.Equal(10, done.ReadOutputAs<int>());
        Assert.Equal(9, done.ReadInputAs<int>());
        var history = await hub.Client.GetHistoryAsync(done.InstanceId);
        Assert.Single(history.OfType<TaskScheduled>());
        AssertNoDuplicateEvents(history);
    }

    [Fact]
    public async Task Each_generation_gets_a_new_execution_id()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<int, int>("Generations", async (context, n) =>
        {
            if (n < 3)
            {
                await context.CreateTimer(TimeSpan.FromMilliseconds(1));
                context.ContinueAsNew(n + 1);
            }
            return n;
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Generations", 0);
        var first = (await hub.Client.GetInstanceAsync(id))!.ExecutionId;
        var done = await hub.WaitAsync(id);
        Assert.Equal(3, done.ReadOutputAs<int>());
        Assert.NotEqual(first, done.ExecutionId);
    }

    [Fact]
    public async Task Unprocessed_events_are_carried_into_the_next_generation()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<List<string>, List<string>>("Accumulate", async (context, seen) =>
        {
            seen ??= [];
            context.SetCustomStatus("waiting");
            var item = (await context.WaitForExternalEvent<string>("Add"))!;
            seen.Add(item);
            if (seen.Count < 4)
            {
                context.ContinueAsNew(seen);
            }
            return seen;
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Accumulate", new List<string>());
        await WaitingAsync(hub, id);
        foreach (var item in new[] { "1", "2", "3", "4" })
        {
            await hub.Client.RaiseEventAsync(id, "Add", item);
        }
        Assert.Equal(["1", "2", "3", "4"], (await hub.WaitAsync(id)).ReadOutputAs<List<string>>());
    }

    [Fact]
    public async Task An_event_raised_before_its_wait_is_carried_across_continue_as_new()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Slow", s => { Thread.Sleep(500); return s; })
            .AddOrchestrator<int, string>("WaitsNextGeneration", async (context, generation) =>
            {
                if (generation == 0)
                {
                    // "Early" arrives while this runs, and nothing waits for it in this generation.
                    context.SetCustomStatus("working");
                    await context.CallActivityAsync<string>("Slow", "x");
                    context.ContinueAsNew(1);
                    return "first generation";
                }
                return (await context.WaitForExternalEvent<string>("Early", TimeSpan.FromSeconds(20)))!;
            }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("WaitsNextGeneration", 0);
        await hub.WaitForAsync(id, s => s.ReadCustomStatusAs<string>() == "working");
        await hub.Client.RaiseEventAsync(id, "Early", "kept across generations");
        Assert.Equal("kept across generations", (await hub.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Continue_as_new_can_drop_unprocessed_events()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<int, string>("Forgetful", async (context, generation) =>
        {
            if (generation == 0)
            {
                context.SetCustomStatus("waiting");
                await context.WaitForExternalEvent<string>("Go");
                // Whatever else arrived with "Go" is left behind on purpose.
                context.ContinueAsNew(1, preserveUnprocessedEvents: false);
                return "first generation";
            }
            try
            {
                return (await context.WaitForExternalEvent<string>("Extra", TimeSpan.FromMilliseconds(300)))!;
            }
            catch (TimeoutException)
            {
                return "extra was dropped";
            }
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Forgetful", 0);
        await hub.Client.RaiseEventAsync(id, "Extra", "extra survived");
        await hub.Client.RaiseEventAsync(id, "Go", "go");
        Assert.Equal("extra was dropped", (await hub.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Replies_to_an_earlier_generation_are_dropped()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Slow", s => { Thread.Sleep(400); return s; })
            .AddOrchestrator<int, string>("Abandons", async (context, generation) =>
            {
                if (generation == 0)
                {
                    _ = context.CallActivityAsync<string>("Slow", "from generation 0");
                    context.ContinueAsNew(1);
                    return "";
                }
                await context.CreateTimer(TimeSpan.FromMilliseconds(800));
                return "generation 1 finished";
            }));
        var done = await hub.RunAsync("Abandons", 0);
        Assert.Equal("generation 1 finished", done.ReadOutputAs<string>());
        Assert.DoesNotContain(await hub.Client.GetHistoryAsync(done.InstanceId), e => e is TaskCompleted);
    }
}
