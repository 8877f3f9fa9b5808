using LlmSpell.Engines.Tengo.Language;
using LlmSpell.Running.Bridge;
using LlmSpell.Values;

namespace LlmSpell.Engines.Tengo;

/// <summary>A Tengo function (script or builtin) handed to the host.</summary>
internal sealed class TengoCallback(TengoSandbox sandbox, TengoObject function) : ScriptCallback<TengoSandbox, TengoObject>(sandbox, function)
{
    // Each call runs on a fiber, which may wait for the host without holding up the others.
    protected override Task<SpellValue> StartInSandbox(IReadOnlyList<SpellValue> arguments) => Sandbox.StartFunction(Function, arguments);
}
