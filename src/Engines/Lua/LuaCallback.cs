using LlmSpell.Values;

namespace LlmSpell.Engines.Lua;

/// <summary>A Lua function handed to the host; calls are marshalled to the sandbox thread.</summary>
internal sealed class LuaCallback(LuaSandbox sandbox, int reference) : SpellCallback
{
    internal LuaSandbox Sandbox { get; } = sandbox;

    internal int Reference { get; } = reference;

    public override ValueTask<SpellValue> InvokeAsync(IReadOnlyList<SpellValue> arguments, CancellationToken cancellationToken = default) =>
        new(Sandbox.Context.Dispatcher.InvokeAsync(() => Sandbox.CallFunction(Reference, arguments)));
}
