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
    protected abstract IOrchestrationStore CreateStore();

    protected Task<DurableHarness> StartAsync(Action<OrchestrationRegistry> register, int workers = 1, DurableWorkerOptions? options = null)
    {
        var registry = new OrchestrationRegistry();
        register(registry);
        return DurableHarness.StartAsync(CreateStore(), registry, workers, options);
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
