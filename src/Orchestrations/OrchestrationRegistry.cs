using System.Diagnostics.CodeAnalysis;
using LlmSpell.Orchestrations.History;
using LlmSpell.Orchestrations.Runtime;

namespace LlmSpell.Orchestrations;

/// <summary>The orchestrators and activities a worker can run, by name.</summary>
public sealed class OrchestrationRegistry
{
    private readonly Dictionary<string, OrchestratorFunction> _orchestrators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActivityFunction> _activities = new(StringComparer.Ordinal);

    public OrchestrationRegistry AddOrchestrator(string name, OrchestratorFunction orchestrator)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_orchestrators.TryAdd(name, orchestrator))
        {
            throw new ArgumentException($"An orchestrator named '{name}' is already registered.", nameof(name));
        }
        return this;
    }

    public OrchestrationRegistry AddOrchestrator<TInput, TOutput>(string name, Func<OrchestrationContext, TInput?, Task<TOutput>> orchestrator) =>
        AddOrchestrator(name, async context => DataConverter.Serialize(await orchestrator(context, context.GetInput<TInput>())));

    public OrchestrationRegistry AddActivity(string name, ActivityFunction activity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_activities.TryAdd(name, activity))
        {
            throw new ArgumentException($"An activity named '{name}' is already registered.", nameof(name));
        }
        return this;
    }

    public OrchestrationRegistry AddActivity<TInput, TOutput>(string name, Func<ActivityContext, TInput?, Task<TOutput>> activity) =>
        AddActivity(name, async (context, input) => DataConverter.Serialize(await activity(context, DataConverter.Deserialize<TInput>(input)).ConfigureAwait(false)));

    public OrchestrationRegistry AddActivity<TInput, TOutput>(string name, Func<TInput?, TOutput?> activity) =>
        AddActivity(name, (_, input) => Task.FromResult(DataConverter.Serialize(activity(DataConverter.Deserialize<TInput>(input)))));

    /// <summary>Serves the orchestrator or activity registered as <paramref name="name"/> under <paramref name="alias"/> too (a name it had before).</summary>
    public OrchestrationRegistry AddAlias(string alias, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        if (_orchestrators.TryGetValue(name, out var orchestrator))
        {
            return AddOrchestrator(alias, orchestrator);
        }
        return _activities.TryGetValue(name, out var activity)
            ? AddActivity(alias, activity)
            : throw new ArgumentException($"Nothing named '{name}' is registered.", nameof(name));
    }

    public bool TryGetOrchestrator(string name, [MaybeNullWhen(false)] out OrchestratorFunction orchestrator) =>
        _orchestrators.TryGetValue(name, out orchestrator);

    public bool TryGetActivity(string name, [MaybeNullWhen(false)] out ActivityFunction activity) =>
        _activities.TryGetValue(name, out activity);

    /// <summary>Why a run of an orchestrator this registry lacks fails, on every engine.</summary>
    internal FailureDetails OrchestratorNotFound(string name) =>
        new("OrchestratorNotFound", $"No orchestrator named '{name}' is registered with this worker (registered: {DescribeOrchestrators()}).");

    /// <summary>Why a call of an activity this registry lacks fails, on every engine.</summary>
    internal FailureDetails ActivityNotFound(string name) =>
        new("ActivityNotFound", $"No activity named '{name}' is registered with this worker (registered: {DescribeActivities()}).");

    private string DescribeOrchestrators() => _orchestrators.Count == 0 ? "none" : string.Join(", ", _orchestrators.Keys.Order(StringComparer.Ordinal));

    private string DescribeActivities() => _activities.Count == 0 ? "none" : string.Join(", ", _activities.Keys.Order(StringComparer.Ordinal));
}
