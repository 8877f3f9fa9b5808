using Xunit;
using LlmSpell.Orchestrations.History;
using LlmSpell.Orchestrations.Storage;

namespace LlmSpell.Orchestrations.Tests.Scenarios;

/// <summary>
/// The scenario suite every store must pass. Each provider derives from this and says how to make
/// a fresh, empty store; the scenarios are written once against the public client and worker.
/// </summary>
public abstract partial class OrchestrationScenarios
{
    /// <summary>A fresh, empty task hub.</summary>
    protected abstract IDurableBackend CreateBackend();

    /// <summary>False on an engine whose internals or wording a scenario cannot reach; such a scenario is skipped there, saying why.</summary>
    protected virtual bool IsEmbeddedEngine => true;

    /// <summary>What a durable timer waits beyond its time on this engine, by design (Azure Storage hides messages for whole seconds only).</summary>
    protected virtual TimeSpan TimerPadding => TimeSpan.Zero;

    /// <summary>Whether history keeps what each activity was called with (DTFx's Azure Storage backend leaves it out of history).</summary>
    protected virtual bool HistoryKeepsTaskInputs => true;

    protected void OnlyOnTheEmbeddedEngine(string why) => Assert.SkipUnless(IsEmbeddedEngine, $"embedded engine only: {why}");

    protected Task<DurableHarness> StartAsync(Action<OrchestrationRegistry> register, int workers = 1, DurableWorkerOptions? options = null)
    {
        var registry = new OrchestrationRegistry();
        register(registry);
        return DurableHarness.StartAsync(CreateBackend(), registry, workers, options);
    }

    protected static void AssertNoDuplicateEvents(IReadOnlyList<HistoryEvent> history)
    {
        var scheduled = history.Select(e => e.ScheduledId()).OfType<int>().ToList();
        Assert.Equal(scheduled.Count, scheduled.Distinct().Count());
        var answered = history.Select(e => e.AnsweredId()).OfType<int>().ToList();
        Assert.Equal(answered.Count, answered.Distinct().Count());
        Assert.Single(history.OfType<ExecutionStarted>());
    }

    protected static readonly string[] Cities = ["Tokyo", "Seattle", "London", "Amsterdam", "Mumbai"];

    protected static void HelloCities(OrchestrationRegistry registry) => registry
        .AddActivity<string, string>("SayHello", city => $"Hello {city}!")
        .AddOrchestrator<object, List<string>>("HelloCities", async (context, _) =>
        {
            var greetings = new List<string>();
            foreach (var city in Cities)
            {
                greetings.Add((await context.CallActivityAsync<string>("SayHello", city))!);
            }
            return greetings;
        });
}
