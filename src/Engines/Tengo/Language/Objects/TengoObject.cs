namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// A runtime value of a Tengo script. <see cref="ToString"/> is Tengo's own text form of the value
/// (strings quoted), which is what <c>string()</c>, concatenation and printing of containers use.
/// </summary>
public abstract class TengoObject
{
    /// <summary>The name <c>type_name</c> returns and error messages use ("int", "immutable-map").</summary>
    public abstract string TypeName { get; }

    /// <summary>Tengo's falsy rule: 0, "", NaN, empty bytes/array/map, zero time, errors and undefined are falsy.</summary>
    public virtual bool IsFalsy => false;

    /// <summary>What <c>==</c> means for this value.</summary>
    public virtual bool ValueEquals(TengoObject other) => ReferenceEquals(this, other);

    /// <summary>What <c>copy()</c> returns: a deep copy of containers, the value itself for immutable scalars.</summary>
    public virtual TengoObject Copy() => this;

    public virtual bool CanIterate => false;

    internal virtual TengoIterator Iterate() => throw new InvalidOperationException($"{TypeName} is not iterable");

    public virtual bool CanCall => false;

    public abstract override string ToString();
}
