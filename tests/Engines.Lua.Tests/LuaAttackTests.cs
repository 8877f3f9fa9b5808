using LlmSpell.Running;
using LlmSpell.Testing;

namespace LlmSpell.Engines.Lua.Tests;

/// <summary>Hostile Lua scripts, in <c>attacks/</c>.</summary>
public sealed class LuaAttackTests : AttackTests
{
    protected override ISpellEngine Engine { get; } = new LuaEngine();
}
