using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations.Storage;

/// <summary>
/// An event on its way to an orchestration instance. <see cref="ExecutionId"/> pins it to one
/// generation, so replies to a generation that has continued as new are dropped.
/// </summary>
public sealed record OrchestrationMessage(string InstanceId, string? ExecutionId, HistoryEvent Event, DateTime? VisibleAt = null);

/// <summary>A request to run an activity for an instance.</summary>
public sealed record ActivityMessage(string InstanceId, string ExecutionId, TaskScheduled Event);
