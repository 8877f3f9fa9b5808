using LlmSpell.Values;

namespace LlmSpell.Running.Bridge;

/// <summary>What a sandbox offers the functions it hands out: its run, and a way to call them.</summary>
/// <typeparam name="TFunction">How the engine holds a script function (a registry reference, an engine object).</typeparam>
public interface IScriptSandbox<in TFunction>
{
    ISpellRun Context { get; }

    /// <summary>Calls a script function of this sandbox; on the sandbox thread only.</summary>
    SpellValue CallFunction(TFunction callee, IReadOnlyList<SpellValue> arguments);
}
