using LlmSpell.Orchestrations.History;
using LlmSpell.Orchestrations.Storage;
using Microsoft.Extensions.Logging;

namespace LlmSpell.Orchestrations.Runtime;

/// <summary>
/// Turns one locked work item into its checkpoint: which messages apply (duplicates, stale
/// generations and replies to finished instances are dropped), what the orchestrator does with
/// them, and what goes out. Provider-independent, so both stores get identical semantics.
/// </summary>
internal static class OrchestrationEpisode
{
    public static OrchestrationCheckpoint Run(OrchestrationWorkItem workItem, OrchestrationRegistry registry, DateTime now, ILoggerFactory? loggers)
    {
        var history = workItem.History;
        if (history.Any(e => e is ExecutionCompleted))
        {
            // Finished: whatever still arrives (late replies, timers, events) has nobody to go to.
            return Consume([]);
        }

        var started = history.OfType<ExecutionStarted>().FirstOrDefault();
        var scheduled = history.Select(e => e.ScheduledId()).OfType<int>().ToHashSet();
        var answered = history.Select(e => e.AnsweredId()).OfType<int>().ToHashSet();
        var accepted = new List<HistoryEvent>();
        var deferred = new List<OrchestrationMessage>();
        // A fresh generation's start goes first: queues need not keep order, and events that
        // overtook it belong after it, not back in the queue.
        var ordered = started is null ? workItem.Messages.OrderBy(m => m.Event is ExecutionStarted ? 0 : 1) : workItem.Messages.AsEnumerable();
        foreach (var message in ordered)
        {
            var incoming = message.Event;
            if (message.VisibleAt is { } due && due > now)
            {
                deferred.Add(message); // a store delivered it early (queues round delays to seconds)
                continue;
            }
            if (incoming is ExecutionStarted start)
            {
                if (started is null)
                {
                    started = start;
                    accepted.Add(start);
                }
                continue; // a duplicate start of a running instance
            }
            if (started is null)
            {
                if (incoming is ExecutionTerminated)
                {
                    return Terminate(workItem, null, [incoming], (ExecutionTerminated)incoming, now);
                }
                deferred.Add(message); // e.g. an event raised before a scheduled start
                continue;
            }
            if (message.ExecutionId is not null && message.ExecutionId != started.ExecutionId)
            {
                continue; // a reply to an earlier generation, which continued as new
            }
            if (incoming.AnsweredId() is { } answers)
            {
                if (answered.Contains(answers))
                {
                    continue; // at-least-once delivery: this result is already recorded
                }
                if (!scheduled.Contains(answers))
                {
                    deferred.Add(message); // overtook the checkpoint that schedules it
                    continue;
                }
                answered.Add(answers);
            }
            accepted.Add(incoming);
        }

        if (accepted.Count == 0 || started is null)
        {
            return Consume(deferred);
        }
        if (accepted.OfType<ExecutionTerminated>().FirstOrDefault() is { } terminated)
        {
            var upTo = accepted.IndexOf(terminated);
            return Terminate(workItem, started, accepted.Take(upTo + 1).ToList(), terminated, now) with { DeferredMessages = deferred };
        }

        var episodeStart = new OrchestratorStarted { Timestamp = now };
        var newEvents = new List<HistoryEvent>(accepted.Count + 1) { episodeStart };
        newEvents.AddRange(accepted.Select(e => e.Timestamp == default ? e with { Timestamp = now } : e));

        var result = Execute(workItem.InstanceId, registry, started.Name, history, newEvents, loggers);
        var outbound = new Outbound();
        var generations = 0;
        while (result.ContinueAsNew is { } next && generations < MaxInlineGenerations)
        {
            // The next generation runs here and now, from an empty history: there is never a moment
            // when the instance has no start, so events raised meanwhile apply to it directly.
            outbound.Add(workItem.InstanceId, started, result.NewActions, now, history: null);
            started = new ExecutionStarted(started.Name, NewExecutionId(), next.Input, started.Parent) { Timestamp = now };
            newEvents = [new OrchestratorStarted { Timestamp = now }, started, .. next.CarriedEvents];
            result = Execute(workItem.InstanceId, registry, started.Name, [], newEvents, loggers);
            generations++;
        }
        return Checkpoint(workItem.InstanceId, started, newEvents, result, now, deferred, outbound,
            isFirstEpisode: history.Count == 0 || generations > 0, startsNewGeneration: generations > 0);
    }

    /// <summary>Generations run back to back in one episode at most this often; then the loop yields to other work.</summary>
    private const int MaxInlineGenerations = 10;

    private static ExecutionResult Execute(string instanceId, OrchestrationRegistry registry, string name,
        IReadOnlyList<HistoryEvent> past, List<HistoryEvent> newEvents, ILoggerFactory? loggers)
    {
        if (!registry.TryGetOrchestrator(name, out var orchestrator))
        {
            return Failed(registry.OrchestratorNotFound(name));
        }
        try
        {
            return OrchestrationExecutor.Execute(instanceId, orchestrator, past, newEvents, loggers);
        }
        catch (NonDeterministicOrchestrationException e)
        {
            return Failed(FailureDetails.FromException(e));
        }
    }

    /// <summary>The activities and messages an episode sends, across the generations it ran.</summary>
    private sealed class Outbound
    {
        public List<ActivityMessage> Activities { get; } = [];

        public List<OrchestrationMessage> Messages { get; } = [];

        public void Add(string instanceId, ExecutionStarted started, IEnumerable<OrchestratorAction> actions, DateTime now, List<HistoryEvent>? history)
        {
            var executionId = started.ExecutionId;
            foreach (var action in actions)
            {
                var recorded = action.ToHistoryEvent(now);
                history?.Add(recorded);
                switch (action)
                {
                    case ScheduleTaskAction:
                        Activities.Add(new ActivityMessage(instanceId, executionId, (TaskScheduled)recorded));
                        break;
                    case CreateSubOrchestrationAction sub:
                        Messages.Add(new OrchestrationMessage(sub.InstanceId, null,
                            new ExecutionStarted(sub.Name, NewExecutionId(), sub.Input, new ParentInstance(instanceId, executionId, sub.Id)) { Timestamp = now }));
                        break;
                    case CreateTimerAction timer:
                        Messages.Add(new OrchestrationMessage(instanceId, executionId, new TimerFired(timer.Id, timer.FireAt) { Timestamp = timer.FireAt }, timer.FireAt));
                        break;
                }
            }
        }
    }

    private static OrchestrationCheckpoint Checkpoint(
        string instanceId, ExecutionStarted started, List<HistoryEvent> newEvents, ExecutionResult result, DateTime now,
        List<OrchestrationMessage> deferred, Outbound outbound, bool isFirstEpisode, bool startsNewGeneration)
    {
        var executionId = started.ExecutionId;
        var newHistory = new List<HistoryEvent>(newEvents);
        outbound.Add(instanceId, started, result.NewActions, now, newHistory);
        var activities = outbound.Activities;
        var messages = outbound.Messages;

        if (result.ContinueAsNew is { } next)
        {
            // Too many generations in one episode: the next one starts from a message to itself,
            // with the carried events behind it (the episode puts a start before anything else).
            var nextExecution = NewExecutionId();
            messages.Add(new OrchestrationMessage(instanceId, null, new ExecutionStarted(started.Name, nextExecution, next.Input, started.Parent) { Timestamp = now }));
            messages.AddRange(next.CarriedEvents.Select(e => new OrchestrationMessage(instanceId, nextExecution, e)));
            return new OrchestrationCheckpoint([], true, activities, messages, deferred,
                new InstanceUpdate(OrchestrationStatus.Running, nextExecution, next.Input, null, result.CustomStatus, null, null));
        }

        var completion = result.Completion;
        if (completion is not null)
        {
            newHistory.Add(completion with { Timestamp = now });
            if (started.Parent is { } parent)
            {
                messages.Add(new OrchestrationMessage(parent.InstanceId, parent.ExecutionId, completion.Status == OrchestrationStatus.Completed
                    ? new SubOrchestrationCompleted(parent.TaskScheduledId, completion.Result) { Timestamp = now }
                    : new SubOrchestrationFailed(parent.TaskScheduledId, completion.Failure ?? new FailureDetails("Failed", "The sub-orchestration failed.")) { Timestamp = now }));
            }
        }
        var status = completion?.Status ?? (result.IsSuspended ? OrchestrationStatus.Suspended : OrchestrationStatus.Running);
        var update = new InstanceUpdate(status, executionId, isFirstEpisode ? started.Input : null, completion?.Result,
            result.CustomStatus, completion?.Failure, completion is null ? null : now);
        return new OrchestrationCheckpoint(newHistory, startsNewGeneration, activities, messages, deferred, update);
    }

    private static OrchestrationCheckpoint Terminate(OrchestrationWorkItem workItem, ExecutionStarted? started, List<HistoryEvent> applied, ExecutionTerminated terminated, DateTime now)
    {
        var output = DataConverter.Serialize(terminated.Reason);
        var history = new List<HistoryEvent> { new OrchestratorStarted { Timestamp = now } };
        history.AddRange(applied.Select(e => e.Timestamp == default ? e with { Timestamp = now } : e));
        history.Add(new ExecutionCompleted(OrchestrationStatus.Terminated, output, null) { Timestamp = now });
        var messages = new List<OrchestrationMessage>();
        if (started?.Parent is { } parent)
        {
            // The parent would otherwise wait for this child forever.
            messages.Add(new OrchestrationMessage(parent.InstanceId, parent.ExecutionId, new SubOrchestrationFailed(parent.TaskScheduledId,
                FailureDetails.Terminated(workItem.InstanceId, terminated.Reason)) { Timestamp = now }));
        }
        return new OrchestrationCheckpoint(history, false, [], messages, [],
            new InstanceUpdate(OrchestrationStatus.Terminated, started?.ExecutionId, null, output, null, null, now));
    }

    private static ExecutionResult Failed(FailureDetails failure) =>
        new([], null, false, new ExecutionCompleted(OrchestrationStatus.Failed, null, failure), null);

    /// <summary>A checkpoint that only consumes the messages (all but <paramref name="deferred"/>) and changes nothing else.</summary>
    private static OrchestrationCheckpoint Consume(List<OrchestrationMessage> deferred) => new([], false, [], [], deferred, null);

    private static string NewExecutionId() => Guid.NewGuid().ToString("N");
}
