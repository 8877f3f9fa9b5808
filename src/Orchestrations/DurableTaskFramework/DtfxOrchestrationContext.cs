using LlmSpell.Orchestrations.History;
using LlmSpell.Orchestrations.Runtime;
using Microsoft.Extensions.Logging;
using Dtfx = DurableTask.Core;

namespace LlmSpell.Orchestrations.DurableTaskFramework;

/// <summary>
/// Our orchestration verbs over the Durable Task Framework's <see cref="Dtfx.OrchestrationContext"/>,
/// the third binding beside the embedded engine's and Microsoft.DurableTask's: the workflow
/// orchestrators run unchanged on DTFx's Azure Storage backend. What DTFx leaves to the
/// orchestration class (events, custom status, GUIDs, retries) is done by the same code the
/// embedded engine uses, so the rules are one. Stays on the orchestrator's thread: no
/// ConfigureAwait(false) here.
/// </summary>
internal sealed class DtfxOrchestrationContext(Dtfx.OrchestrationContext inner, string name, string? input, ExternalEvents events, ILoggerFactory loggers)
    : OrchestrationContext
{
    private int _guidCounter;
    private int _children;

    public override string InstanceId => inner.OrchestrationInstance.InstanceId;

    public override string Name { get; } = name;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    /// <summary>What <see cref="SetCustomStatus"/> last set, as JSON.</summary>
    public string? CustomStatus { get; private set; }

    public override T? GetInput<T>() where T : default => DataConverter.Deserialize<T>(input);

    public override async Task<T?> CallActivityAsync<T>(string name, object? input = null, TaskOptions? options = null) where T : default
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var serialized = new JsonText(DataConverter.Serialize(input));
        return DataConverter.Deserialize<T>(await Retries.RunAsync(this, options?.Retry,
            _ => Translated(inner.ScheduleTask<JsonText>(name, "", serialized), name, null)));
    }

    public override async Task<T?> CallSubOrchestratorAsync<T>(string name, object? input = null, SubOrchestrationOptions? options = null) where T : default
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var serialized = new JsonText(DataConverter.Serialize(input));
        return DataConverter.Deserialize<T>(await Retries.RunAsync(this, options?.Retry, attempt =>
        {
            var child = _children++;
            // Children are named after their parent, as on the embedded engine, so a run's family is found by prefix.
            var childId = options?.InstanceId switch
            {
                null => $"{InstanceId}:{child:x4}",
                // A retry gets its own instance: the failed one keeps its history for diagnosis.
                var chosen => attempt == 1 ? chosen : $"{chosen}:{attempt}",
            };
            return Translated(inner.CreateSubOrchestrationInstance<JsonText>(name, "", childId, serialized), name, childId);
        }));
    }

    /// <summary>
    /// A durable timer that never ends before <paramref name="fireAt"/> as this code sees the time
    /// (<see cref="QueueVisibility"/>); should the clock still read earlier when it fires (clocks
    /// of two workers differ), the rest is waited for. Replays take the same decisions, as
    /// the clock they read is the one in history.
    /// </summary>
    public override async Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken = default)
    {
        var fireAtUtc = fireAt.Kind == DateTimeKind.Utc ? fireAt : DateTime.SpecifyKind(fireAt.ToUniversalTime(), DateTimeKind.Utc);
        cancellationToken.ThrowIfCancellationRequested();
        // A moment already past needs no timer (and the embedded engine's fires at once too).
        while (inner.CurrentUtcDateTime < fireAtUtc)
        {
            await inner.CreateTimer(QueueVisibility.NotBefore(fireAtUtc), true, cancellationToken);
        }
    }

    public override async Task<T?> WaitForExternalEvent<T>(string name, CancellationToken cancellationToken = default) where T : default =>
        DataConverter.Deserialize<T>(await events.WaitAsync(name, cancellationToken));

    /// <summary>
    /// DTFx carries over the events that arrive after this call; the ones that arrived before and
    /// were not taken live in this orchestration's buffer, so they are sent again to the instance,
    /// where the next generation receives them.
    /// </summary>
    public override void ContinueAsNew(object? newInput, bool preserveUnprocessedEvents = true)
    {
        inner.ContinueAsNew(new JsonText(DataConverter.Serialize(newInput)));
        if (!preserveUnprocessedEvents)
        {
            return;
        }
        foreach (var unconsumed in events.Unconsumed)
        {
            inner.SendEvent(new Dtfx.OrchestrationInstance { InstanceId = InstanceId }, unconsumed.Name, new JsonText(unconsumed.Input));
        }
    }

    public override void SetCustomStatus(object? status) => CustomStatus = Runtime.CustomStatus.Serialize(status);

    public override Guid NewGuid() => DeterministicGuid.For(InstanceId, CurrentUtcDateTime, _guidCounter++);

    public override ILogger CreateReplaySafeLogger(string categoryName) => new ReplaySafeLogger(loggers.CreateLogger(categoryName), this);

    /// <param name="childId">The sub-orchestration's id, for a call of one.</param>
    private static async Task<string?> Translated(Task<JsonText> call, string name, string? childId)
    {
        try
        {
            return (await call).Json;
        }
        catch (Dtfx.Exceptions.TaskFailedException failed)
        {
            throw new TaskFailedException(name, failed.ScheduleId, FailureTranslation.ToOurs(failed.FailureDetails));
        }
        catch (Dtfx.Exceptions.SubOrchestrationFailedException failed)
        {
            // A child that failed has details; one that was terminated has only the reason.
            throw new TaskFailedException(name, failed.ScheduleId,
                failed.FailureDetails is { } details ? FailureTranslation.ToOurs(details) : FailureDetails.Terminated(childId!, failed.Message));
        }
    }
}
