using Xunit;
using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations.Tests.Scenarios;

public abstract partial class OrchestrationScenarios
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task A_retried_activity_succeeds_on_its_third_attempt()
    {
        var attempts = 0;
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Flaky", _ => Interlocked.Increment(ref attempts) < 3 ? throw new TimeoutException("try again") : "finally")
            .AddOrchestrator<object, string>("Retrying", async (context, _) =>
                (await context.CallActivityAsync<string>("Flaky", null, new TaskOptions(new RetryPolicy(5, Short))))!));
        var done = await hub.RunAsync("Retrying");
        Assert.Equal("finally", done.ReadOutputAs<string>());
        Assert.Equal(3, attempts);
        var history = await hub.Client.GetHistoryAsync(done.InstanceId);
        Assert.Equal(2, history.OfType<TaskFailed>().Count());
        Assert.Equal(2, history.OfType<TimerCreated>().Count());
    }

    [Fact]
    public async Task Retries_stop_after_the_last_attempt_and_the_failure_surfaces()
    {
        var attempts = 0;
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Broken", _ =>
            {
                Interlocked.Increment(ref attempts);
                throw new InvalidOperationException("still broken");
            })
            .AddOrchestrator<object, string>("GivesUp", async (context, _) =>
                (await context.CallActivityAsync<string>("Broken", null, new TaskOptions(new RetryPolicy(3, Short))))!));
        var done = await hub.RunAsync("GivesUp");
        Assert.Equal(OrchestrationStatus.Failed, done.Status);
        Assert.Contains("still broken", done.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task A_failure_the_filter_rejects_is_not_retried()
    {
        var attempts = 0;
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("BadInput", _ =>
            {
                Interlocked.Increment(ref attempts);
                throw new ArgumentException("bad input will not improve");
            })
            .AddOrchestrator<object, string>("Filtered", async (context, _) =>
                (await context.CallActivityAsync<string>("BadInput", null,
                    new TaskOptions(new RetryPolicy(5, Short, handle: e => !e.FailureDetails.IsCausedBy<ArgumentException>()))))!));
        var done = await hub.RunAsync("Filtered");
        Assert.Equal(OrchestrationStatus.Failed, done.Status);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Retry_waits_grow_by_the_backoff_coefficient_up_to_the_maximum()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Never", _ => throw new InvalidOperationException("no"))
            .AddOrchestrator<object, string>("Backoff", async (context, _) =>
                (await context.CallActivityAsync<string>("Never", null,
                    new TaskOptions(new RetryPolicy(5, TimeSpan.FromMilliseconds(40), 2.0, TimeSpan.FromMilliseconds(120)))))!));
        var done = await hub.RunAsync("Backoff");
        var history = await hub.Client.GetHistoryAsync(done.InstanceId);
        var waits = history.OfType<TimerCreated>().Select(t => (t.FireAt - t.Timestamp - TimerPadding).TotalMilliseconds).ToList();
        Assert.Equal(4, waits.Count);
        Assert.Equal([40, 80, 120, 120], waits.Select(w => Math.Round(w)));
    }

    [Fact]
    public async Task No_retry_starts_after_the_retry_timeout()
    {
        var attempts = 0;
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Slow", _ =>
            {
                Interlocked.Increment(ref attempts);
                Thread.Sleep(150);
                throw new InvalidOperationException("slow failure");
            })
            .AddOrchestrator<object, string>("Deadline", async (context, _) =>
                (await context.CallActivityAsync<string>("Slow", null,
                    new TaskOptions(new RetryPolicy(10, Short, retryTimeout: TimeSpan.FromMilliseconds(100)))))!));
        var done = await hub.RunAsync("Deadline");
        Assert.Equal(OrchestrationStatus.Failed, done.Status);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_failed_sub_orchestration_is_retried_as_a_new_instance()
    {
        var attempts = 0;
        await using var hub = await StartAsync(r => r
            .AddOrchestrator<object, string>("FlakyChild", (_, _) =>
                Interlocked.Increment(ref attempts) < 2 ? throw new InvalidOperationException("child failed") : Task.FromResult("child ok"))
            .AddOrchestrator<object, string>("Parent", async (context, _) =>
                (await context.CallSubOrchestratorAsync<string>("FlakyChild", null, new SubOrchestrationOptions("child-x", new RetryPolicy(3, Short))))!));
        var done = await hub.RunAsync("Parent");
        Assert.Equal("child ok", done.ReadOutputAs<string>());
        Assert.Equal(OrchestrationStatus.Failed, (await hub.Client.GetInstanceAsync("child-x"))!.Status);
        Assert.Equal(OrchestrationStatus.Completed, (await hub.Client.GetInstanceAsync("child-x:2"))!.Status);
    }
}
