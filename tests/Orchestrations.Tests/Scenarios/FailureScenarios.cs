using Xunit;
using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations.Tests.Scenarios;

public abstract partial class OrchestrationScenarios
{
    [Fact]
    public async Task An_unhandled_activity_failure_fails_the_orchestration_with_its_details()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Explode", _ => throw new InvalidOperationException("kaboom"))
            .AddOrchestrator<object, string>("Fragile", async (context, _) => (await context.CallActivityAsync<string>("Explode"))!));
        var done = await hub.RunAsync("Fragile");
        Assert.Equal(OrchestrationStatus.Failed, done.Status);
        Assert.Contains("Task 'Explode' (#0) failed: kaboom", done.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(InvalidOperationException).FullName, done.Failure.ErrorType);
    }

    [Fact]
    public async Task An_orchestrator_can_catch_a_failure_and_compensate()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Charge", _ => throw new InvalidOperationException("card declined"))
            .AddActivity<string, string>("Refund", reason => $"refunded because {reason}")
            .AddOrchestrator<object, string>("Saga", async (context, _) =>
            {
                try
                {
                    return (await context.CallActivityAsync<string>("Charge"))!;
                }
                catch (TaskFailedException e) when (e.FailureDetails.IsCausedBy<InvalidOperationException>())
                {
                    return (await context.CallActivityAsync<string>("Refund", e.FailureDetails.Message))!;
                }
            }));
        Assert.Equal("refunded because card declined", (await hub.RunAsync("Saga")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_exception_in_orchestrator_code_fails_the_instance()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, string>("Throws", (_, _) => throw new FormatException("bad format in orchestrator")));
        var done = await hub.RunAsync("Throws");
        Assert.Equal(OrchestrationStatus.Failed, done.Status);
        Assert.Equal("bad format in orchestrator", done.Failure!.Message);
        Assert.Equal(typeof(FormatException).FullName, done.Failure.ErrorType);
    }

    [Fact]
    public async Task Calling_an_unknown_activity_fails_with_the_names_that_are_known()
    {
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Known", s => s)
            .AddOrchestrator<object, string>("Typo", async (context, _) => (await context.CallActivityAsync<string>("Knwon"))!));
        var done = await hub.RunAsync("Typo");
        Assert.Equal(OrchestrationStatus.Failed, done.Status);
        Assert.Contains("No activity named 'Knwon'", done.Failure!.Message, StringComparison.Ordinal);
        Assert.Contains("Known", done.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_an_unknown_orchestrator_fails_the_instance_clearly()
    {
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, int>("Real", (_, _) => Task.FromResult(1)));
        var done = await hub.RunAsync("Imaginary");
        Assert.Equal(OrchestrationStatus.Failed, done.Status);
        Assert.Equal("OrchestratorNotFound", done.Failure!.ErrorType);
        Assert.Contains("'Imaginary'", done.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_that_changes_between_replays_fails_as_non_deterministic()
    {
        OnlyOnTheEmbeddedEngine("it checks the engine's own wording; DTFx fails such a run with its NonDeterministicOrchestrationException");
        var replays = 0;
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("A", s => s)
            .AddActivity<string, string>("B", s => s)
            .AddOrchestrator<object, string>("Fickle", async (context, _) =>
            {
                // Deliberately wrong: the first run calls A, every replay calls B.
                var name = Interlocked.Increment(ref replays) == 1 ? "A" : "B";
                await context.CallActivityAsync<string>(name, "x");
                return (await context.CallActivityAsync<string>("A", "y"))!;
            }));
        var done = await hub.RunAsync("Fickle");
        Assert.Equal(OrchestrationStatus.Failed, done.Status);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, done.Failure!.ErrorType);
        Assert.Contains("step #0 was to call activity 'A'", done.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("asked to call activity 'B'", done.Failure.Message, StringComparison.Ordinal);
        var history = await hub.Client.GetHistoryAsync(done.InstanceId);
        Assert.Single(history.OfType<TaskScheduled>());
    }

    [Fact]
    public async Task Code_that_skips_a_recorded_step_on_replay_fails_as_non_deterministic()
    {
        OnlyOnTheEmbeddedEngine("it checks the engine's own wording; DTFx fails such a run with its NonDeterministicOrchestrationException");
        var runs = 0;
        await using var hub = await StartAsync(r => r
            .AddActivity<string, string>("Step", s => s)
            .AddOrchestrator<object, string>("Skipper", async (context, _) =>
            {
                if (Interlocked.Increment(ref runs) == 1)
                {
                    await context.CreateTimer(TimeSpan.FromMilliseconds(10));
                }
                return (await context.CallActivityAsync<string>("Step", "x"))!;
            }));
        var done = await hub.RunAsync("Skipper");
        Assert.Equal(OrchestrationStatus.Failed, done.Status);
        Assert.Contains("step #0 was to create a timer", done.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Awaiting_something_that_is_not_durable_fails_clearly_instead_of_hanging()
    {
        OnlyOnTheEmbeddedEngine("DTFx does not watch for continuations from outside the orchestrator's thread");
        await using var hub = await StartAsync(r => r.AddOrchestrator<object, string>("Sleepy", async (context, _) =>
        {
            await Task.Delay(50);
            return "unreachable";
        }));
        var done = await hub.RunAsync("Sleepy");
        Assert.Equal(OrchestrationStatus.Failed, done.Status);
        Assert.Equal("NonDurableAwait", done.Failure!.ErrorType);
        Assert.Contains("use CreateTimer for delays", done.Failure.Message, StringComparison.Ordinal);
    }
}
