using Xunit;
using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations.Tests.Scenarios;

public abstract partial class OrchestrationScenarios
{
    [Fact]
    public async Task A_durable_timer_delays_the_orchestration_by_at_least_its_interval()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, double>("Sleeper", async (context, _) =>
        {
            var before = context.CurrentUtcDateTime;
            await context.CreateTimer(TimeSpan.FromMilliseconds(300));
            return (context.CurrentUtcDateTime - before).TotalMilliseconds;
        }));
        var done = await hub.RunAsync("Sleeper");
        Assert.InRange(done.ReadOutputAs<double>(), 300, 30_000);
        var history = await hub.Client.GetHistoryAsync(done.InstanceId);
        Assert.Single(history.OfType<TimerFired>());
    }

    [Fact]
    public async Task A_timer_never_ends_before_its_time_as_the_orchestration_sees_it()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, double>("Punctual", async (context, _) =>
        {
            // Delays under, at and over a second, and not whole seconds: where a queue that counts
            // whole seconds would let a timer out early.
            var slack = double.MaxValue;
            foreach (var delay in new[] { 100, 650, 1000, 1300 })
            {
                var before = context.CurrentUtcDateTime;
                await context.CreateTimer(before.AddMilliseconds(delay));
                slack = Math.Min(slack, (context.CurrentUtcDateTime - before).TotalMilliseconds - delay);
            }
            return slack;
        }));
        var done = await hub.RunAsync("Punctual");
        Assert.True(done.ReadOutputAs<double>() >= 0, $"a timer ended {-done.ReadOutputAs<double>()} ms early");
    }

    [Fact]
    public async Task Parallel_timers_all_fire()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, int>("ManyTimers", async (context, _) =>
        {
            await Task.WhenAll(Enumerable.Range(1, 5).Select(i => context.CreateTimer(TimeSpan.FromMilliseconds(50 * i))));
            return 5;
        }));
        var done = await hub.RunAsync("ManyTimers");
        Assert.Equal(5, (await hub.Client.GetHistoryAsync(done.InstanceId)).OfType<TimerFired>().Count());
    }

    [Fact]
    public async Task A_cancelled_timer_does_not_hold_the_orchestration_back()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Quick", s => s)
            .AddOrchestrator<object, string>("CancelTimer", async (context, _) =>
            {
                using var cancel = new CancellationTokenSource();
                var timer = context.CreateTimer(TimeSpan.FromDays(1), cancel.Token);
                var work = context.CallActivityAsync<string>("Quick", "done before the timer");
                await Task.WhenAny(timer, work);
                cancel.Cancel(); // on the orchestrator's thread: CancelAsync would run it on the thread pool
                return (await work)!;
            }));
        var done = await hub.RunAsync("CancelTimer", timeout: TimeSpan.FromSeconds(20));
        Assert.Equal("done before the timer", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_timer_in_the_past_fires_at_once()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, string>("Past", async (context, _) =>
        {
            await context.CreateTimer(context.CurrentUtcDateTime.AddMinutes(-5));
            return "fired";
        }));
        Assert.Equal("fired", (await hub.RunAsync("Past", timeout: TimeSpan.FromSeconds(20))).ReadOutputAs<string>());
    }
}
