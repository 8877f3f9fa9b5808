using LlmSpell.Values;

namespace LlmSpell.Running.Bridge;

/// <summary>A script function handed to the host, held as the engine holds it, called back in its own sandbox.</summary>
public class ScriptCallback<TSandbox, TFunction>(TSandbox sandbox, TFunction function) : SandboxCallback(sandbox.Context)
    where TSandbox : class, IScriptSandbox<TFunction>
{
    public TSandbox Sandbox { get; } = sandbox;

    public TFunction Function { get; } = function;

    /// <summary>Whether this function came from <paramref name="sandbox"/>: only there can it be handed back as itself.</summary>
    public bool BelongsTo(TSandbox sandbox) => ReferenceEquals(Sandbox, sandbox);

    protected override Task<SpellValue> StartInSandbox(IReadOnlyList<SpellValue> arguments) => Sandbox.StartFunction(Function, arguments);
}
