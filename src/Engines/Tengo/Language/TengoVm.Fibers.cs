namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// Fibers: a function the host starts runs on an execution of its own (stack and frames), sharing
/// the run's globals, modules and budgets. When a builtin it calls answers <see cref="Suspend"/>,
/// the fiber stops there and <see cref="StartFiber"/> (or <see cref="Resume"/>) returns the
/// <see cref="TengoPending"/>; the host resumes it with the call's value once that is in. So the
/// one thread a VM allows runs other fibers while one waits for a model.
/// </summary>
public sealed partial class TengoVm
{
    internal const int InitialFrames = 16;

    /// <summary>The fiber whose execution is swapped in; null while the main execution runs.</summary>
    private TengoFiber? _running;

    /// <summary>
    /// Whether the builtin being called may answer <see cref="Suspend"/>: only a fiber, and only at
    /// its own level — not inside a call a builtin made back into the VM, whose .NET frame cannot wait.
    /// </summary>
    public bool CanSuspend => _running is not null && _nestedCalls == 0;

    /// <summary>What a builtin answers to leave its fiber waiting for <paramref name="state"/> (the host's pending call).</summary>
    public TengoPending Suspend(object state)
    {
        if (!CanSuspend)
        {
            throw new InvalidOperationException("only a fiber at its own level can suspend; check CanSuspend first");
        }

        return new TengoPending(state);
    }

    /// <summary>Starts <paramref name="callable"/> on a new fiber: its result, or the <see cref="TengoPending"/> it waits for.</summary>
    public TengoObject StartFiber(TengoFiber fiber, TengoObject callable, ReadOnlySpan<TengoObject> arguments)
    {
        ArgumentNullException.ThrowIfNull(fiber);
        ArgumentNullException.ThrowIfNull(callable);
        if (fiber.Started)
        {
            throw new InvalidOperationException("a fiber runs one function");
        }

        fiber.Started = true;

        // Its stack and frames count against the run's memory, as the values a script builds do.
        Allocate(8L * fiber.State.Stack.Length + 8L * fiber.State.Frames.Length + 128);
        var saved = SwapIn(fiber);
        try
        {
            switch (callable)
            {
                case TengoClosure closure:
                    EnsureStack(arguments.Length + 1);
                    _stack[_sp++] = callable;
                    foreach (var argument in arguments)
                    {
                        _stack[_sp++] = argument;
                    }

                    EnterClosure(closure, arguments.Length);
                    return Execute(-1);
                case TengoBuiltin builtin:
                    // A builtin handed over as the function has no script level to suspend at.
                    _nestedCalls++;
                    ReturnedFrom = default;
                    return CallBuiltin(builtin, arguments);
                default:
                    throw new TengoRuntimeException($"not callable: {callable.TypeName}");
            }
        }
        finally
        {
            SwapOut(fiber, saved);
        }
    }

    /// <summary>Resumes a suspended fiber with the value its builtin call gives: its result, or what it waits for next.</summary>
    public TengoObject Resume(TengoFiber fiber, TengoObject value)
    {
        ArgumentNullException.ThrowIfNull(fiber);
        ArgumentNullException.ThrowIfNull(value);
        if (fiber.CallSite is not { } site)
        {
            throw new InvalidOperationException("the fiber is not suspended");
        }

        fiber.CallSite = null;
        if (value is TengoError { Origin: null } failure)
        {
            failure.Origin = site;
        }

        var saved = SwapIn(fiber);
        try
        {
            EnsureStack(_sp + 1);
            _stack[_sp++] = value;
            return Execute(-1);
        }
        finally
        {
            SwapOut(fiber, saved);
        }
    }

    /// <summary>What the VM runs on: one execution's stack, frames and counters, swapped in whole.</summary>
    internal readonly record struct Execution(Frame[] Frames, VmSlot[] Stack, int Sp, int FrameIndex, int NestedCalls, int BaseDepth)
    {
        /// <summary>A new fiber's: small arrays that grow as it needs.</summary>
        public static Execution Fresh() => new(new Frame[InitialFrames], new VmSlot[64], 0, -1, 0, 0);
    }

    private Execution Current => new(_frames, _stack, _sp, _frameIndex, _nestedCalls, _baseDepth);

    /// <summary>Swaps <paramref name="fiber"/> in; gives what was running, to swap back.</summary>
    private (Execution State, TengoFiber? Fiber) SwapIn(TengoFiber fiber)
    {
        var saved = (Current, _running);
        Load(fiber.State with { BaseDepth = _baseDepth + _frameIndex + 1 });
        _running = fiber;
        return saved;
    }

    private void SwapOut(TengoFiber fiber, (Execution State, TengoFiber? Fiber) saved)
    {
        fiber.State = Current;
        Load(saved.State);
        _running = saved.Fiber;
    }

    private void Load(Execution execution)
    {
        _frames = execution.Frames;
        _stack = execution.Stack;
        _sp = execution.Sp;
        _frameIndex = execution.FrameIndex;
        _nestedCalls = execution.NestedCalls;
        _baseDepth = execution.BaseDepth;
    }
}
