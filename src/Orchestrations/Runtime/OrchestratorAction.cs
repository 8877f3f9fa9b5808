using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations.Runtime;

/// <summary>
/// Something orchestrator code asked for. On replay each is matched against the scheduling event
/// history already holds for its id; those left over at the end of an episode are new and become
/// history events and outbound messages.
/// </summary>
internal abstract record OrchestratorAction(int Id)
{
    public abstract HistoryEvent ToHistoryEvent(DateTime now);

    /// <summary>True when <paramref name="recorded"/> is the event this action wrote on an earlier run.</summary>
    public abstract bool Matches(HistoryEvent recorded);
}

internal sealed record ScheduleTaskAction(int Id, string Name, string? Input) : OrchestratorAction(Id)
{
    public override HistoryEvent ToHistoryEvent(DateTime now) => new TaskScheduled(Id, Name, Input) { Timestamp = now };

    public override bool Matches(HistoryEvent recorded) =>
        recorded is TaskScheduled scheduled && string.Equals(scheduled.Name, Name, StringComparison.Ordinal);
}

internal sealed record CreateSubOrchestrationAction(int Id, string Name, string InstanceId, string? Input) : OrchestratorAction(Id)
{
    public override HistoryEvent ToHistoryEvent(DateTime now) => new SubOrchestrationCreated(Id, Name, InstanceId, Input) { Timestamp = now };

    public override bool Matches(HistoryEvent recorded) =>
        recorded is SubOrchestrationCreated created && string.Equals(created.Name, Name, StringComparison.Ordinal);
}

internal sealed record CreateTimerAction(int Id, DateTime FireAt) : OrchestratorAction(Id)
{
    public override HistoryEvent ToHistoryEvent(DateTime now) => new TimerCreated(Id, FireAt) { Timestamp = now };

    public override bool Matches(HistoryEvent recorded) => recorded is TimerCreated;
}

/// <summary>What a scheduling event asked for, in the words of a non-determinism error.</summary>
internal static class HistoryEventDescriptions
{
    public static string Describe(this HistoryEvent e) => e switch
    {
        TaskScheduled t => $"call activity '{t.Name}'",
        SubOrchestrationCreated s => $"call sub-orchestration '{s.Name}'",
        TimerCreated => "create a timer",
        _ => e.GetType().Name,
    };
}
