using Xunit;
namespace LlmSpell.Orchestrations.Tests.Scenarios;

public abstract partial class OrchestrationScenarios
{
    [Fact]
    public async Task Fan_out_to_one_thousand_activities_and_fan_in()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<int, int>("Square", n => n * n)
            .AddOrchestrator<int, long>("FanOut", async (context, count) =>
            {
                var tasks = Enumerable.Range(1, count).Select(i => context.CallActivityAsync<int>("Square", i)).ToList();
                var results = await Task.WhenAll(tasks);
                return results.Sum(r => (long)r);
            }));
        var done = await hub.RunAsync("FanOut", 1000, timeout: TimeSpan.FromMinutes(2));
        Assert.Equal(Enumerable.Range(1, 1000).Sum(i => (long)i * i), done.ReadOutputAs<long>());
        AssertNoDuplicateEvents(await hub.Client.GetHistoryAsync(done.InstanceId));
    }

    [Fact]
    public async Task One_failure_in_a_fan_out_reaches_the_orchestrator_which_may_handle_it()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<int, int>("MaybeFail", n => n == 7 ? throw new InvalidOperationException("seven is bad") : n)
            .AddOrchestrator<object, string>("Tolerant", async (context, _) =>
            {
                var tasks = Enumerable.Range(0, 10).Select(i => context.CallActivityAsync<int>("MaybeFail", i)).ToList();
                try
                {
                    await Task.WhenAll(tasks);
                    return "no failure";
                }
                catch (TaskFailedException e)
                {
                    var succeeded = tasks.Count(t => t.IsCompletedSuccessfully);
                    return $"{succeeded} ok, failed: {e.FailureDetails.Message}";
                }
            }));
        Assert.Equal("9 ok, failed: seven is bad", (await hub.RunAsync("Tolerant")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task When_any_returns_the_first_task_to_finish()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Fast", s => s)
            .AddOrchestrator<object, string>("Race", async (context, _) =>
            {
                using var cancel = new CancellationTokenSource();
                var slow = context.CreateTimer(TimeSpan.FromHours(1), cancel.Token);
                var fast = context.CallActivityAsync<string>("Fast", "fast won");
                var winner = await Task.WhenAny(slow, fast);
                cancel.Cancel(); // on the orchestrator's thread: CancelAsync would run it on the thread pool
                return winner == fast ? (await fast)! : "timer won";
            }));
        Assert.Equal("fast won", (await hub.RunAsync("Race")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Activities_and_sub_orchestrations_run_in_parallel_together()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<int, int>("Double", n => n * 2)
            .AddOrchestrator<int, int>("Triple", (_, n) => Task.FromResult(n * 3))
            .AddOrchestrator<object, int[]>("Mixed", async (context, _) => await Task.WhenAll(
                context.CallActivityAsync<int>("Double", 1),
                context.CallSubOrchestratorAsync<int>("Triple", 2),
                context.CallActivityAsync<int>("Double", 3),
                context.CallSubOrchestratorAsync<int>("Triple", 4))));
        var done = await hub.RunAsync("Mixed");
        Assert.Equal(new[] { 2, 6, 6, 12 }, done.ReadOutputAs<int[]>());
    }

    [Fact]
    public async Task Activities_of_a_fan_out_run_concurrently()
    {
        var running = 0;
        var peak = 0;
        await using var hub = await StartAsync(r => r
            .AddActivity("Overlap", async (_, _) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                // Each waits (up to 10 s) for another to be running too, so on a loaded machine the
                // overlap is not left to timing: only an engine that runs them one by one fails.
                var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
                while (Volatile.Read(ref peak) < 2 && DateTime.UtcNow < until)
                {
                    await Task.Delay(20);
                }
                Interlocked.Decrement(ref running);
                return null;
            })
            .AddOrchestrator<object, int>("Parallel", async (context, _) =>
            {
                await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => context.CallActivityAsync("Overlap")));
                return 0;
            }));
        await hub.RunAsync("Parallel");
        Assert.True(peak > 1, $"at most {peak} activity ran at a time");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
