using System.Collections.Concurrent;

namespace LlmSpell.Running;

/// <summary>
/// Keeps a sandbox on its own thread. Script engines are single-threaded, but host work (an LLM
/// stream, a timer) completes on pool threads and may need to call back into the script. Such calls
/// are queued here and run by the sandbox thread while it waits for host work to finish.
/// </summary>
#pragma warning disable CA1001 // The semaphore's wait handle is never requested, so it holds nothing to dispose.
public sealed class SpellDispatcher
#pragma warning restore CA1001
{
    private readonly ConcurrentQueue<Action> _queue = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly int _ownerThreadId = Environment.CurrentManagedThreadId;

    /// <summary>True on the thread that created this dispatcher — the sandbox thread.</summary>
    public bool IsOnSandboxThread => Environment.CurrentManagedThreadId == _ownerThreadId;

    /// <summary>
    /// Queues <paramref name="work"/> for the sandbox thread. It runs in the poster's execution
    /// context, as an awaited continuation would, so async-local facts of the caller (such as
    /// "inside the update function of key k", which state.update keeps) hold for the
    /// script code that the work runs and for the host calls that code makes.
    /// </summary>
    public void Post(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (ExecutionContext.Capture() is { } context)
        {
            _queue.Enqueue(() => ExecutionContext.Run(context, static state => ((Action)state!)(), work));
        }
        else
        {
            _queue.Enqueue(work);
        }

        _signal.Release();
    }

    /// <summary>Runs <paramref name="work"/> on the sandbox thread: at once when already there, else queued.</summary>
    public Task<T> InvokeAsync<T>(Func<T> work) => InvokeAsync(work, inline: true);

    /// <summary>
    /// Runs <paramref name="work"/> on the sandbox thread; with <paramref name="inline"/> false it is
    /// always queued, even from that thread, so it runs from the sandbox's own loop.
    /// </summary>
    public Task<T> InvokeAsync<T>(Func<T> work, bool inline)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (inline && IsOnSandboxThread)
        {
            try
            {
                return Task.FromResult(work());
            }
            catch (Exception ex)
            {
                return Task.FromException<T>(ex);
            }
        }

        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                completion.SetResult(work());
            }
            catch (Exception ex)
            {
                completion.SetException(ex);
            }
        });
        return completion.Task;
    }

    /// <summary>On the sandbox thread: runs queued work until <paramref name="task"/> completes.</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> fires first.</exception>
    public void RunUntilComplete(Task task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!task.IsCompleted)
        {
            task.ContinueWith(static (_, state) => ((SemaphoreSlim)state!).Release(), _signal, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        RunUntil(() => task.IsCompleted, cancellationToken);
    }

    /// <summary>On the sandbox thread: runs queued work until <paramref name="done"/> holds. Work that changes it must be posted.</summary>
    public void RunUntil(Func<bool> done, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(done);
        if (!IsOnSandboxThread)
        {
            throw new InvalidOperationException("only the sandbox thread may pump its dispatcher");
        }

        while (true)
        {
            RunPending();
            if (done())
            {
                return;
            }

            _signal.Wait(cancellationToken);
        }
    }

    /// <summary>Runs what is queued now; returns whether anything ran.</summary>
    public bool RunPending()
    {
        var ran = false;
        while (_queue.TryDequeue(out var work))
        {
            work();
            ran = true;
        }

        return ran;
    }
}
