using LlmSpell.Engines.Tengo.Language;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Engines.Tengo;

/// <summary>A Tengo function (script or builtin) handed to the host.</summary>
internal sealed class TengoCallback(TengoSandbox sandbox, TengoObject function) : SandboxCallback(sandbox.Context)
{
    internal TengoSandbox Sandbox { get; } = sandbox;

    internal TengoObject Function { get; } = function;

    protected override SpellValue CallInSandbox(IReadOnlyList<SpellValue> arguments) => Sandbox.CallFunction(Function, arguments);
}
