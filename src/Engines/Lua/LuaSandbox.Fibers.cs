using KeraLua;
using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;
using LuaState = KeraLua.Lua;

namespace LlmSpell.Engines.Lua;

/// <summary>
/// Spell functions the host calls (workflow branches, tool handlers, callbacks) each run on a Lua
/// coroutine of their own — a fiber. When a fiber's API call has to wait (an LLM answer), its
/// wrapper yields instead of blocking the sandbox thread, and the thread runs the other fibers; the
/// fiber resumes, with the call's result, once that is in. So four parallel branches that each wait
/// 500 ms for a model finish in about 500 ms, on the one thread a Lua state allows.
/// </summary>
/// <remarks>
/// A fiber yields only through the API wrapper in Bootstrap.lua (Lua code), never from a managed
/// frame, and lua_resume is protected as lua_pcall is, so the native rules hold. Where a fiber
/// cannot yield (inside a C function such as <c>table.sort</c>'s comparator, or in a coroutine of the
/// spell's own) the call waits as on the main thread.
/// </remarks>
internal sealed partial class LuaSandbox
{
    /// <summary>What <see cref="HostCall"/> answers when the running fiber should yield until its call is done.</summary>
    private static readonly SpellValue Suspended = new SpellString("llmspell: suspended");

    /// <summary>The first value the host entry point returns to the wrapper for a fiber that must yield.</summary>
    private const string SuspendedMarker = "llmspell:pending";

    private readonly Dictionary<IntPtr, Fiber> _fibers = [];

    private sealed class Fiber(LuaState thread, int threadReference, int function)
    {
        public LuaState Thread { get; } = thread;

        public int ThreadReference { get; } = threadReference;

        public int Function { get; } = function;

        public TaskCompletionSource<SpellValue> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The API call the fiber is suspended in, while it is.</summary>
        public Task<SpellValue>? Waiting { get; set; }
    }

    /// <summary>Starts a spell function on a fiber; on the sandbox thread only. The task ends when the function returns.</summary>
    public Task<SpellValue> StartFunction(int reference, IReadOnlyList<SpellValue> arguments)
    {
        if (_disposed)
        {
            throw new SpellException(SpellErrorCode.RuntimeError, "the run that owned this function has ended");
        }

        if (_context.TrippedLimit is { } limit)
        {
            throw new SpellException(limit);
        }

        if (!_main.CheckStack(2))
        {
            throw new SpellException(SpellErrorCode.RecursionLimit, "the Lua stack is full");
        }

        var thread = _main.NewThread();
        var threadReference = _main.Ref(LuaRegistry.Index);
        _threads[thread.Handle] = thread;
        var fiber = new Fiber(thread, threadReference, reference);
        _fibers[thread.Handle] = fiber;
        if (!thread.CheckStack(arguments.Count + 4))
        {
            Finish(fiber, new SpellException(SpellErrorCode.RecursionLimit, "the Lua stack is full"));
            return fiber.Completion.Task;
        }

        thread.RawGetInteger(LuaRegistry.Index, reference);
        foreach (var argument in arguments)
        {
            PushValue(thread, argument);
        }

        Resume(fiber, arguments.Count);
        return fiber.Completion.Task;
    }

    private void Resume(Fiber fiber, int arguments)
    {
        var thread = fiber.Thread;
        LuaStatus status;
        int results;

        // The spell's own code runs under its own budget, even when started from the host.
        var saved = _memory.HostDepth;
        _memory.HostDepth = 0;
        try
        {
            status = thread.Resume(null, arguments, out results);
        }
        finally
        {
            _memory.HostDepth = saved;
        }

        try
        {
            switch (status)
            {
                case LuaStatus.Yield when fiber.Waiting is { } waiting:
                    thread.Pop(results);
                    waiting.ContinueWith(_ => _context.Dispatcher.Post(() => Continue(fiber)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    return;
                case LuaStatus.Yield:
                    throw new SpellException(SpellErrorCode.RuntimeError, "a function the host calls yielded outside a coroutine of its own (coroutine.yield needs coroutine.wrap or coroutine.resume around it)");
                case LuaStatus.OK:
                    var first = thread.GetTop() - results + 1;
                    // Lua's own convention for failing without raising (io.open's): return nil, "what went wrong".
                    if (results >= 2 && thread.Type(first) == LuaType.Nil && thread.Type(first + 1) is LuaType.String or LuaType.Table)
                    {
                        throw WithDefinitionSite(Failure(thread, first + 1, trace: null), _main, fiber.Function);
                    }

                    Finish(fiber, results >= 1 ? ReadValue(thread, first, depth: 0, allowFunctions: false) : SpellValue.Null);
                    return;
                default:
                    throw WithDefinitionSite(Failure(thread, -1, trace: null), _main, fiber.Function);
            }
        }
        catch (SpellException ex)
        {
            Finish(fiber, ex);
        }
    }

    /// <summary>The call a fiber waited in is done: hand its result to the wrapper, as the host entry point would have.</summary>
    private void Continue(Fiber fiber)
    {
        var waiting = fiber.Waiting!;
        fiber.Waiting = null;
        if (_disposed)
        {
            return;
        }

        // The fiber's branch was cancelled (another function of async.all failed): it ends here.
        if (SpellBranch.CancelledCall() is { } cancelled)
        {
            Finish(fiber, cancelled);
            return;
        }

        var thread = fiber.Thread;
        _memory.HostDepth++;
        try
        {
            SpellError? failure = _context.TrippedLimit;
            SpellValue result = SpellValue.Null;
            if (failure is null)
            {
                if (waiting.IsCompletedSuccessfully)
                {
                    result = waiting.Result;
                }
                else
                {
                    failure = _context.ToSpellException(waiting.Exception?.InnerException ?? new OperationCanceledException()).Error;
                }
            }

            if (!thread.CheckStack(4))
            {
                failure = new SpellError(SpellErrorCode.RecursionLimit, "the Lua stack is full");
            }

            if (failure is not null)
            {
                if (failure.IsLimit)
                {
                    Trip(thread, failure);
                }

                thread.PushBoolean(false);
                PushErrorTable(thread, failure);
            }
            else
            {
                thread.PushBoolean(true);
                PushValue(thread, result);
            }
        }
        finally
        {
            _memory.HostDepth--;
        }

        Resume(fiber, 2);
    }

    private void Finish(Fiber fiber, SpellValue value) => Release(fiber).Completion.TrySetResult(value);

    private void Finish(Fiber fiber, SpellException failure) => Release(fiber).Completion.TrySetException(failure);

    private Fiber Release(Fiber fiber)
    {
        _fibers.Remove(fiber.Thread.Handle);
        _threads.Remove(fiber.Thread.Handle);
#pragma warning disable CA1816 // Another object's finalizer: a coroutine's wrapper must never close the state.
        GC.SuppressFinalize(fiber.Thread);
#pragma warning restore CA1816
        if (!_disposed)
        {
            _main.Unref(LuaRegistry.Index, fiber.ThreadReference);
        }

        return fiber;
    }

    /// <summary>At the end of the run: whatever still waits for a fiber learns that it never will finish.</summary>
    private void AbandonFibers()
    {
        foreach (var fiber in _fibers.Values.ToList())
        {
            _fibers.Remove(fiber.Thread.Handle);
            fiber.Completion.TrySetException(new SpellException(SpellErrorCode.RuntimeError, "the run that owned this function ended before it returned"));
        }
    }
}
