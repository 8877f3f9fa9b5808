using LlmSpell.Api;

namespace LlmSpell.Values;

/// <summary>
/// A host function handed to a script as a value, e.g. the <c>run</c> of an agent. Engines bind it
/// like a module function: same argument checking, same errors, a Promise in JavaScript when async.
/// </summary>
public sealed class SpellHostFunction(SpellFunction function) : SpellValue
{
    public SpellFunction Function { get; } = function ?? throw new ArgumentNullException(nameof(function));

    public override SpellValueKind Kind => SpellValueKind.Function;

    public override bool Equals(SpellValue? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
