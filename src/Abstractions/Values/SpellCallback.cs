namespace LlmSpell.Values;

/// <summary>
/// A script function handed to the host, e.g. the <c>on_chunk</c> of <c>llm.stream</c>. Each engine
/// implements it; Core may call it from any thread and the engine marshals the call to the thread
/// that owns its sandbox.
/// </summary>
public abstract class SpellCallback : SpellValue
{
    public override SpellValueKind Kind => SpellValueKind.Function;

    public abstract ValueTask<SpellValue> InvokeAsync(IReadOnlyList<SpellValue> arguments, CancellationToken cancellationToken = default);

    public override bool Equals(SpellValue? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
