using LlmSpell.Values;

namespace LlmSpell.Running.Bridge;

/// <summary>What a sandbox offers the functions it hands out: its run, and a way to call them.</summary>
/// <typeparam name="TFunction">How the engine holds a script function (a registry reference, an engine object).</typeparam>
public interface IScriptSandbox<in TFunction>
{
    ISpellRun Context { get; }

    /// <summary>
    /// Starts a script function of this sandbox; on the sandbox thread only. The task ends when the
    /// function has returned — which may be after this call does: a function waiting for the host
    /// (a Lua or Tengo fiber, a JavaScript promise) lets the sandbox run the others meanwhile.
    /// </summary>
    Task<SpellValue> StartFunction(TFunction callee, IReadOnlyList<SpellValue> arguments);
}
