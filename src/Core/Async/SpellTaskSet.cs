using System.Collections.Concurrent;
using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Async;

/// <summary>
/// The tasks a run has spawned (<c>async.spawn</c>), each a function running beside the spell's own
/// code in a <see cref="SpellBranch"/> of its own. A task the spell never waited for is cancelled
/// when the run ends, so nothing a spell started outlives it.
/// </summary>
public sealed class SpellTaskSet
{
    /// <summary>The key of a task handle: <c>{ async_task = 1 }</c>.</summary>
    public const string HandleKey = "async_task";

    /// <summary>Tasks one run may have running at once; a spell spawning without end is stopped here.</summary>
    public const int MaxRunning = 10_000;

    private readonly ConcurrentDictionary<long, Spawned> _tasks = new();
    private long _lastId;
    private int _running;

    private sealed record Spawned(SpellBranch Branch, Task<SpellValue> Completion);

    /// <summary>Starts <paramref name="function"/> now, cancelled with <paramref name="parent"/>; returns its handle.</summary>
    public SpellMap Spawn(SpellCallback function, CancellationToken parent)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (Volatile.Read(ref _running) >= MaxRunning)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"async.spawn: {MaxRunning} tasks of this run are already running; await some before starting more");
        }

        var id = Interlocked.Increment(ref _lastId);
        var branch = new SpellBranch(parent);
        Interlocked.Increment(ref _running);
        var completion = branch.Enter(() => function.InvokeAsync([], branch.Token).AsTask());
        completion.ContinueWith(_ => Interlocked.Decrement(ref _running), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _tasks[id] = new Spawned(branch, completion);
        return SpellValue.Map([new(HandleKey, SpellValue.From(id))]);
    }

    /// <summary>The task a handle names; <paramref name="caller"/> words the refusal of anything else.</summary>
    public Task<SpellValue> Completion(SpellValue handle, string caller) => Find(handle, caller).Completion;

    /// <summary>Cancels a task that has not finished; false when it already had.</summary>
    public bool Cancel(SpellValue handle, string caller)
    {
        var task = Find(handle, caller);
        if (task.Completion.IsCompleted)
        {
            return false;
        }

        task.Branch.Cancel("the task was cancelled by async.cancel");
        return true;
    }

    /// <summary>At the end of the run: every task still running is cancelled.</summary>
    public void EndRun()
    {
        foreach (var task in _tasks.Values)
        {
            if (!task.Completion.IsCompleted)
            {
                task.Branch.Cancel("the run ended before the task finished");
            }
        }
    }

    private Spawned Find(SpellValue handle, string caller)
    {
        if (handle is SpellMap map && map.TryGetValue(HandleKey, out var value) && value is SpellInt id && _tasks.TryGetValue(id.Value, out var task))
        {
            return task;
        }

        throw new SpellException(SpellErrorCode.BadArgument, $"{caller}: argument 1 (task) must be a task from async.spawn of this run, got {(handle is SpellMap ? "another map" : SpellValue.TypeName(handle.Kind))}");
    }
}
