using LlmSpell.Values;

namespace LlmSpell.Running;

/// <summary>
/// A script function held by the host. Core may call it from any thread; the call is carried to
/// the sandbox thread, the only one allowed to enter the engine.
/// </summary>
public abstract class SandboxCallback(ISpellRun run) : SpellCallback
{
    public ISpellRun Run { get; } = run ?? throw new ArgumentNullException(nameof(run));

    public sealed override ValueTask<SpellValue> InvokeAsync(IReadOnlyList<SpellValue> arguments, CancellationToken cancellationToken = default) =>
        new(Run.Dispatcher.InvokeAsync(() => StartInSandbox(arguments), RunsInline).Unwrap());

    /// <summary>
    /// Starts the script function on the sandbox thread; the task ends when it returns. A function
    /// that waits for the host (a fiber, a promise) lets the sandbox run other functions meanwhile.
    /// </summary>
    protected abstract Task<SpellValue> StartInSandbox(IReadOnlyList<SpellValue> arguments);

    /// <summary>
    /// Whether a call made on the sandbox thread may run at once. Engines with an event loop say no:
    /// a callback started while the engine is busy could not let its promises settle.
    /// </summary>
    protected virtual bool RunsInline => true;
}
