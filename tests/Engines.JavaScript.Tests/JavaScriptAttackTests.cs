using LlmSpell.Running;
using LlmSpell.Testing;

namespace LlmSpell.Engines.JavaScript.Tests;

/// <summary>Hostile JavaScript, in <c>attacks/</c>.</summary>
public sealed class JavaScriptAttackTests : AttackTests
{
    protected override ISpellEngine Engine { get; } = new JavaScriptEngine();
}
