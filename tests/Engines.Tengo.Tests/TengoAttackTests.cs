using LlmSpell.Running;
using LlmSpell.Testing;

namespace LlmSpell.Engines.Tengo.Tests;

/// <summary>Hostile Tengo scripts, in <c>attacks/</c>.</summary>
public sealed class TengoAttackTests : AttackTests
{
    protected override ISpellEngine Engine { get; } = new TengoEngine();
}
