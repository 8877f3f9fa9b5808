namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// One execution of a VM besides its main one: a stack and frames of its own, for a function the
/// host started with <see cref="TengoVm.StartFiber"/>. While it runs, the VM holds its state; while
/// it waits, the state is kept here.
/// </summary>
public sealed class TengoFiber
{
    /// <summary>Its stack, frames and counters while it is not the one running.</summary>
    internal TengoVm.Execution State { get; set; } = TengoVm.Execution.Fresh();

    internal bool Started { get; set; }

    /// <summary>Where the fiber waits: the builtin call it is suspended in, while it is.</summary>
    public TengoStackFrame? CallSite { get; internal set; }

    public bool IsSuspended => CallSite is not null;
}
