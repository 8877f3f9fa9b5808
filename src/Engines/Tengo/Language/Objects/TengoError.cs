namespace LlmSpell.Engines.Tengo.Language;

/// <summary>An error value, made by <c>error(v)</c> or returned by a failing function; <c>.value</c> reads what it wraps.</summary>
public sealed class TengoError(TengoObject value) : TengoObject
{
    public TengoObject Value { get; } = value;

    /// <summary>Where the error value was made (an <c>error(…)</c> expression or the failing call), for the host to report.</summary>
    public TengoStackFrame? Origin { get; internal set; }

    public override string TypeName => "error";

    public override bool IsFalsy => true;

    internal override TengoObject Copy(int depth)
    {
        CheckDepth(depth);
        return new TengoError(Value.Copy(depth + 1));
    }

    public override string ToString() => DescribeNested();

    internal override void AppendTo(System.Text.StringBuilder builder, int depth)
    {
        CheckDepth(depth);
        builder.Append("error: ");
        Value.AppendTo(builder, depth + 1);
    }
}
