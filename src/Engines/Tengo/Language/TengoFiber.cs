namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// One execution of a VM besides its main one: a stack and frames of its own, for a function the
/// host started with <see cref="TengoVm.StartFiber"/>. While it runs, the VM holds its state; while
/// it waits, the state is kept here.
/// </summary>
public sealed class TengoFiber
{
    internal TengoVm.Frame[] Frames { get; set; } = new TengoVm.Frame[TengoVm.InitialFrames];

    internal VmSlot[] Stack { get; set; } = new VmSlot[64];

    internal int Sp { get; set; }

    internal int FrameIndex { get; set; } = -1;

    internal int NestedCalls { get; set; }

    /// <summary>Frames open below this execution while it runs (see TengoVm's depth limit).</summary>
    internal int BaseDepth { get; set; }

    internal bool Started { get; set; }

    /// <summary>For a saved execution: the fiber that was running when it was saved (null for the main one).</summary>
    internal TengoFiber? Owner { get; set; }

    /// <summary>Where the fiber waits: the builtin call it is suspended in, while it is.</summary>
    public TengoStackFrame? CallSite { get; internal set; }

    public bool IsSuspended => CallSite is not null;
}
