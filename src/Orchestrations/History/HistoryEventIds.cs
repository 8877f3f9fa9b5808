namespace LlmSpell.Orchestrations.History;

/// <summary>Which task an event schedules or answers: the link between a request and its reply in history.</summary>
public static class HistoryEventIds
{
    /// <summary>The id of the task, sub-orchestration or timer this event schedules; null for other events.</summary>
    public static int? ScheduledId(this HistoryEvent historyEvent) => historyEvent switch
    {
        TaskScheduled t => t.EventId,
        SubOrchestrationCreated s => s.EventId,
        TimerCreated t => t.EventId,
        _ => null,
    };

    /// <summary>The id of the scheduled task this event completes, fails or fires; null for other events.</summary>
    public static int? AnsweredId(this HistoryEvent historyEvent) => historyEvent switch
    {
        TaskCompleted c => c.TaskScheduledId,
        TaskFailed f => f.TaskScheduledId,
        SubOrchestrationCompleted c => c.TaskScheduledId,
        SubOrchestrationFailed f => f.TaskScheduledId,
        TimerFired t => t.TimerId,
        _ => null,
    };
}
