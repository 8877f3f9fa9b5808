using LlmSpell.Orchestrations.History;
using Microsoft.Extensions.Logging;

namespace LlmSpell.Orchestrations.Runtime;

/// <summary>
/// Replays orchestrator code over its history, then applies the new events, and reports what the
/// code asked for and whether it finished. Single-threaded and free of I/O, so the same history
/// always gives the same result.
/// </summary>
internal static class OrchestrationExecutor
{
    public static ExecutionResult Execute(
        string instanceId,
        OrchestratorFunction orchestrator,
        IReadOnlyList<HistoryEvent> past,
        IReadOnlyList<HistoryEvent> newEvents,
        ILoggerFactory? loggers = null)
    {
        var started = past.OfType<ExecutionStarted>().FirstOrDefault() ?? newEvents.OfType<ExecutionStarted>().First();
        var context = new ReplayContext(instanceId, started, loggers);
        var sync = new ReplaySynchronizationContext();
        Task<string?>? running = null;
        var suspended = false;
        var heldWhileSuspended = new List<HistoryEvent>();
        var lateEvents = new List<EventRaised>();

        void Process(HistoryEvent historyEvent)
        {
            if (running is { IsCompleted: true })
            {
                if (historyEvent is EventRaised late)
                {
                    lateEvents.Add(late);
                }
                return;
            }
            switch (historyEvent)
            {
                case ExecutionStarted:
                    sync.Run(() => running = Start(orchestrator, context));
                    return;
                case ExecutionSuspended:
                    suspended = true;
                    return;
                case ExecutionResumed:
                    suspended = false;
                    var held = heldWhileSuspended.ToList();
                    heldWhileSuspended.Clear();
                    held.ForEach(Process);
                    return;
                case OrchestratorStarted:
                    context.Apply(historyEvent);
                    return;
            }
            if (suspended && historyEvent is not (TaskScheduled or SubOrchestrationCreated or TimerCreated))
            {
                // A suspended orchestration sees nothing new until it is resumed; the events stay in
                // history, so a replay holds and releases them at the same points.
                heldWhileSuspended.Add(historyEvent);
                return;
            }
            sync.Run(() => context.Apply(historyEvent));
        }

        context.Replaying = true;
        foreach (var historyEvent in past)
        {
            Process(historyEvent);
        }
        context.Replaying = false;
        foreach (var historyEvent in newEvents)
        {
            Process(historyEvent);
        }

        var actions = context.NewActions.ToList();
        // Either a continuation came from another thread, or the code waits and no durable task it
        // holds could ever wake it: both mean it awaited something replay cannot reproduce.
        if (sync.SawForeignContinuation || (running is { IsCompleted: false } && !context.HasOpenTasks))
        {
            var failure = new FailureDetails("NonDurableAwait",
                $"Orchestration '{context.Name}' ({instanceId}) awaited something that is not a durable task (Task.Delay, I/O, CancelAsync, a thread-pool task). Orchestrator code may only await the tasks its context returns; use CreateTimer for delays and activities for I/O.");
            return new ExecutionResult([], context.CustomStatus, false, new ExecutionCompleted(OrchestrationStatus.Failed, null, failure), null);
        }
        if (running is not { IsCompleted: true })
        {
            return new ExecutionResult(actions, context.CustomStatus, suspended, null, null);
        }
        if (running.IsCompletedSuccessfully && context.ContinueAsNewRequest is { } next)
        {
            var carried = next.PreserveEvents
                ? [.. context.UnconsumedEvents, .. heldWhileSuspended.OfType<EventRaised>(), .. lateEvents]
                : new List<EventRaised>();
            return new ExecutionResult(actions, context.CustomStatus, false, null, new ContinueAsNewResult(next.Input, carried));
        }
        var completion = running.Status switch
        {
            TaskStatus.RanToCompletion => new ExecutionCompleted(OrchestrationStatus.Completed, running.Result, null),
            TaskStatus.Canceled => new ExecutionCompleted(OrchestrationStatus.Failed, null,
                new FailureDetails(typeof(TaskCanceledException).FullName!, "The orchestrator was cancelled.")),
            _ => new ExecutionCompleted(OrchestrationStatus.Failed, null, FailureDetails.FromException(running.Exception!.InnerException!)),
        };
        // Work the finished code started without awaiting is still sent, as in the Durable Task
        // Framework (fire and forget); its results are dropped when they reach a finished instance.
        return new ExecutionResult(actions, context.CustomStatus, false, completion, null);
    }

    private static Task<string?> Start(OrchestratorFunction orchestrator, OrchestrationContext context)
    {
        try
        {
            return orchestrator(context);
        }
        catch (Exception e) when (e is not NonDeterministicOrchestrationException)
        {
            return Task.FromException<string?>(e);
        }
    }
}
