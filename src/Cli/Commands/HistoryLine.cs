using System.Globalization;
using LlmSpell.Orchestrations;
using LlmSpell.Orchestrations.History;
using LlmSpell.Orchestrations.Workflows;

namespace LlmSpell.Cli.Commands;

/// <summary>One history event as a line a person can read.</summary>
internal static class HistoryLine
{
    private const int MaxPayload = 80;

    public static string Describe(HistoryEvent e) => e switch
    {
        ExecutionStarted s => $"started {s.Name} input={Short(s.Input)}",
        OrchestratorStarted => "-- episode --",
        TaskScheduled { Name: WorkflowOrchestrations.StepActivity } t => $"scheduled #{t.EventId} step {StepPath(t.Input)}",
        TaskScheduled t => $"scheduled #{t.EventId} {t.Name} {Short(t.Input)}",
        TaskCompleted c => $"completed #{c.TaskScheduledId} {Short(c.Result)}",
        TaskFailed f => $"failed #{f.TaskScheduledId} {f.Failure.Message}",
        SubOrchestrationCreated s => $"sub-run #{s.EventId} {s.Name} as {s.InstanceId}",
        SubOrchestrationCompleted c => $"sub-run #{c.TaskScheduledId} completed {Short(c.Result)}",
        SubOrchestrationFailed f => $"sub-run #{f.TaskScheduledId} failed {f.Failure.Message}",
        TimerCreated t => $"timer #{t.EventId} for {t.FireAt.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)}",
        TimerFired t => $"timer #{t.TimerId} fired",
        EventRaised r => $"event '{r.Name}' {Short(r.Input)}",
        ExecutionSuspended s => $"suspended {s.Reason}",
        ExecutionResumed r => $"resumed {r.Reason}",
        ExecutionTerminated t => $"terminated {t.Reason}",
        ExecutionCompleted c => $"{c.Status.ToString().ToLowerInvariant()} {(c.Failure is { } f ? f.Message : Short(c.Result))}",
        _ => e.GetType().Name,
    };

    private static string StepPath(string? input)
    {
        try
        {
            return DataConverter.Deserialize<StepRequest>(input)?.Path ?? "?";
        }
        catch (System.Text.Json.JsonException)
        {
            return Short(input);
        }
    }

    private static string Short(string? payload) =>
        payload is null ? "null" : payload.Length <= MaxPayload ? payload : payload[..MaxPayload] + $"… ({payload.Length} chars)";
}
