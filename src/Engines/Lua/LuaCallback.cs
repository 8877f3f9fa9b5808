using LlmSpell.Running.Bridge;
using LlmSpell.Values;

namespace LlmSpell.Engines.Lua;

/// <summary>A Lua function handed to the host, kept in the registry under its reference (<see cref="ScriptCallback{TSandbox, TFunction}.Function"/>).</summary>
internal sealed class LuaCallback(LuaSandbox sandbox, int reference) : ScriptCallback<LuaSandbox, int>(sandbox, reference)
{
    // Each call runs on a fiber, which may wait for the host without holding up the others.
    protected override Task<SpellValue> StartInSandbox(IReadOnlyList<SpellValue> arguments) => Sandbox.StartFunction(Function, arguments);
}
