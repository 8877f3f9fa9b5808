using System.Globalization;
using System.Text.Json;
using LlmSpell.Orchestrations.History;
using LlmSpell.Orchestrations.Storage;

namespace LlmSpell.Orchestrations.DurableTaskFramework;

/// <summary>
/// DTFx's history of an instance (the JSON its Azure Storage backend gives) as our history events,
/// so <c>llmspell workflow history</c> and the checks on histories read every engine alike. Events
/// with no counterpart of ours (episode ends, events sent, generation markers) are left out, and so
/// is a second answer to a task already answered: at-least-once delivery can bring one (a message
/// taken again after storage went away before its deletion), DTFx keeps it in its table and skips
/// it on replay, and the embedded engine never records it; this is the history the code ran on.
/// </summary>
internal static class DtfxHistory
{
    // DTFx's EventType, by number (its history JSON writes the number).
    private enum EventType
    {
        ExecutionStarted = 0,
        ExecutionCompleted = 1,
        ExecutionTerminated = 3,
        TaskScheduled = 4,
        TaskCompleted = 5,
        TaskFailed = 6,
        SubOrchestrationInstanceCreated = 7,
        SubOrchestrationInstanceCompleted = 8,
        SubOrchestrationInstanceFailed = 9,
        TimerCreated = 10,
        TimerFired = 11,
        OrchestratorStarted = 12,
        EventRaised = 15,
        ExecutionSuspended = 19,
        ExecutionResumed = 20,
    }

    public static IReadOnlyList<HistoryEvent> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        using var document = JsonDocument.Parse(json);
        var events = new List<HistoryEvent>();
        var answered = new HashSet<int>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (ToOurs(item) is { } ours && (ours.AnsweredId() is not { } id || answered.Add(id)))
            {
                events.Add(ours with { Timestamp = Time(item, "Timestamp") ?? default });
            }
        }
        return events;
    }

    private static HistoryEvent? ToOurs(JsonElement e) => TypeOf(e) switch
    {
        EventType.ExecutionStarted => new ExecutionStarted(Text(e, "Name")!, e.TryGetProperty("OrchestrationInstance", out var instance) ? Text(instance, "ExecutionId") ?? "" : "", Text(e, "Input"),
            e.TryGetProperty("ParentInstance", out var parent) && parent.ValueKind == JsonValueKind.Object
                ? new ParentInstance(Text(parent.GetProperty("OrchestrationInstance"), "InstanceId")!, Text(parent.GetProperty("OrchestrationInstance"), "ExecutionId") ?? "", Number(parent, "TaskScheduleId"))
                : null),
        EventType.OrchestratorStarted => new OrchestratorStarted(),
        EventType.TaskScheduled => new TaskScheduled(Number(e, "EventId"), Text(e, "Name")!, Text(e, "Input")),
        EventType.TaskCompleted => new TaskCompleted(Number(e, "TaskScheduledId"), Text(e, "Result")),
        EventType.TaskFailed => new TaskFailed(Number(e, "TaskScheduledId"), Failure(e)),
        EventType.SubOrchestrationInstanceCreated => new SubOrchestrationCreated(Number(e, "EventId"), Text(e, "Name")!, Text(e, "InstanceId")!, Text(e, "Input")),
        EventType.SubOrchestrationInstanceCompleted => new SubOrchestrationCompleted(Number(e, "TaskScheduledId"), Text(e, "Result")),
        EventType.SubOrchestrationInstanceFailed => new SubOrchestrationFailed(Number(e, "TaskScheduledId"), Failure(e)),
        EventType.TimerCreated => new TimerCreated(Number(e, "EventId"), Time(e, "FireAt") ?? default),
        EventType.TimerFired => new TimerFired(Number(e, "TimerId"), Time(e, "FireAt") ?? default),
        EventType.EventRaised => new EventRaised(Text(e, "Name")!, Text(e, "Input")),
        EventType.ExecutionSuspended => new ExecutionSuspended(Text(e, "Reason")),
        EventType.ExecutionResumed => new ExecutionResumed(Text(e, "Reason")),
        EventType.ExecutionTerminated => new ExecutionTerminated(Text(e, "Input")),
        EventType.ExecutionCompleted => new ExecutionCompleted(DtfxInstances.ToOurs(StatusOf(e)),
            Text(e, "Result"), e.TryGetProperty("FailureDetails", out var failure) && failure.ValueKind == JsonValueKind.Object ? Details(failure) : null),
        _ => null,
    };

    private static EventType? TypeOf(JsonElement e) => e.GetProperty("EventType") switch
    {
        { ValueKind: JsonValueKind.Number } number => (EventType)number.GetInt32(),
        { ValueKind: JsonValueKind.String } name when Enum.TryParse<EventType>(name.GetString(), out var parsed) => parsed,
        _ => null,
    };

    private static global::DurableTask.Core.OrchestrationStatus StatusOf(JsonElement e) => e.GetProperty("OrchestrationStatus") switch
    {
        { ValueKind: JsonValueKind.Number } number => (global::DurableTask.Core.OrchestrationStatus)number.GetInt32(),
        var name => Enum.Parse<global::DurableTask.Core.OrchestrationStatus>(name.GetString()!),
    };

    private static FailureDetails Failure(JsonElement e) =>
        e.TryGetProperty("FailureDetails", out var details) && details.ValueKind == JsonValueKind.Object
            ? Details(details)
            : new FailureDetails("unknown", Text(e, "Reason") ?? "the task failed without details", Text(e, "Details"));

    private static FailureDetails Details(JsonElement details) => new(
        Text(details, "ErrorType") ?? "unknown", Text(details, "ErrorMessage") ?? "", Text(details, "StackTrace"),
        details.TryGetProperty("InnerFailure", out var inner) && inner.ValueKind == JsonValueKind.Object ? Details(inner) : null);

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : -1;

    private static DateTime? Time(JsonElement e, string name) =>
        Text(e, name) is { } text ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) : null;
}
