namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// A runtime value of a Tengo script. <see cref="ToString"/> is Tengo's own text form of the value
/// (strings quoted), which is what <c>string()</c>, concatenation and printing of containers use.
/// </summary>
public abstract class TengoObject
{
    /// <summary>
    /// How deep printing, comparing and copying follow nested arrays and maps. Scripts can build
    /// values nested without bound, or cyclic ones; past this depth they get a runtime error, not a
    /// stack overflow of the host.
    /// </summary>
    public const int MaxDepth = 256;

    /// <summary>The name <c>type_name</c> returns and error messages use ("int", "immutable-map").</summary>
    public abstract string TypeName { get; }

    /// <summary>Tengo's falsy rule: 0, "", NaN, empty bytes/array/map, zero time, errors and undefined are falsy.</summary>
    public virtual bool IsFalsy => false;

    /// <summary>What <c>==</c> means for this value.</summary>
    public bool ValueEquals(TengoObject other) => ValueEquals(other, 0);

    internal virtual bool ValueEquals(TengoObject other, int depth) => ReferenceEquals(this, other);

    /// <summary>What <c>copy()</c> returns: a deep copy of containers, the value itself for immutable scalars.</summary>
    public TengoObject Copy() => Copy(0);

    internal virtual TengoObject Copy(int depth) => this;

    /// <summary>Appends <see cref="ToString"/> of this value, for containers that print their elements.</summary>
    internal virtual void AppendTo(System.Text.StringBuilder builder, int depth) => builder.Append(ToString());

    /// <summary>The text of a value that prints its parts: built through <see cref="AppendTo"/> so nesting is bounded.</summary>
    private protected string DescribeNested()
    {
        var builder = new System.Text.StringBuilder();
        AppendTo(builder, 0);
        return builder.ToString();
    }

    internal static void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new TengoRuntimeException($"value nests deeper than {MaxDepth} levels (is it cyclic?)");
        }
    }

    public virtual bool CanIterate => false;

    internal virtual TengoIterator Iterate() => throw new InvalidOperationException($"{TypeName} is not iterable");

    public virtual bool CanCall => false;

    public abstract override string ToString();
}
