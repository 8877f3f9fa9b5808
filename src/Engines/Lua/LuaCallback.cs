using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Engines.Lua;

/// <summary>A Lua function handed to the host, kept in the registry under <see cref="Reference"/>.</summary>
internal sealed class LuaCallback(LuaSandbox sandbox, int reference) : SandboxCallback(sandbox.Context)
{
    internal LuaSandbox Sandbox { get; } = sandbox;

    internal int Reference { get; } = reference;

    protected override SpellValue CallInSandbox(IReadOnlyList<SpellValue> arguments) => Sandbox.CallFunction(Reference, arguments);
}
