using LlmSpell.Engines.Tengo.Language;
using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Engines.Tengo;

/// <summary>
/// Spell functions the host calls (workflow branches, async tasks, tool handlers) each run on a VM
/// fiber. When a fiber's API call has to wait (an LLM answer), the call suspends the fiber instead
/// of blocking the sandbox thread, and the thread runs the other fibers; the fiber resumes with the
/// call's result once that is in — as Lua's coroutine fibers do. A call made inside a builtin that
/// called back into the VM cannot suspend, and waits as the main script's calls do.
/// </summary>
internal sealed partial class TengoSandbox
{
    private readonly HashSet<Fiber> _fibers = [];
    private bool _ended;

    private sealed class Fiber(TengoObject function)
    {
        public TengoFiber Execution { get; } = new();

        public TengoObject Function { get; } = function;

        public TaskCompletionSource<SpellValue> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Starts a spell function on a fiber; on the sandbox thread only. The task ends when the function returns.</summary>
    public Task<SpellValue> StartFunction(TengoObject function, IReadOnlyList<SpellValue> arguments)
    {
        if (_ended)
        {
            throw new SpellException(SpellErrorCode.RuntimeError, "the run that owned this function has ended");
        }

        ThrowIfTripped();
        var fiber = new Fiber(function);
        _fibers.Add(fiber);
        Advance(fiber, () =>
        {
            var values = FitArguments(function, arguments.Select(a => _values.Build(a)).ToList());
            return _vm.StartFiber(fiber.Execution, function, values.ToArray());
        });
        return fiber.Completion.Task;
    }

    /// <summary>Runs a fiber until it returns, fails or suspends; a suspended one is resumed from the dispatcher when its call is done.</summary>
    private void Advance(Fiber fiber, Func<TengoObject> step)
    {
        try
        {
            var result = step();
            if (result is TengoPending { State: Task<SpellValue> waiting })
            {
                waiting.ContinueWith(_ => _context.Dispatcher.Post(() => Continue(fiber, waiting)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return;
            }

            ThrowIfTripped();
            Finish(fiber).TrySetResult(Outcome(result));
        }
        catch (Exception ex)
        {
            Finish(fiber).TrySetException(ex as SpellException ?? Translate(ex));
        }
    }

    private void Continue(Fiber fiber, Task<SpellValue> waiting)
    {
        if (_ended)
        {
            return;
        }

        // The fiber's branch was cancelled (another function of async.all failed): it ends here.
        if (SpellBranch.CancelledCall() is { } cancelled)
        {
            Finish(fiber).TrySetException(cancelled);
            return;
        }

        Advance(fiber, () => _vm.Resume(fiber.Execution, Received(() => waiting.GetAwaiter().GetResult())));
    }

    private TaskCompletionSource<SpellValue> Finish(Fiber fiber)
    {
        _fibers.Remove(fiber);
        return fiber.Completion;
    }

    /// <summary>At the end of the run: whatever still waits for a fiber learns that it never will finish.</summary>
    private void AbandonFibers()
    {
        _ended = true;
        foreach (var fiber in _fibers.ToList())
        {
            Finish(fiber).TrySetException(new SpellException(SpellErrorCode.RuntimeError, "the run that owned this function ended before it returned"));
        }
    }
}
