using System.Globalization;

namespace LlmSpell.Values;

/// <summary>
/// One plain value crossing the bridge: every engine converts its own values to and from these, so
/// Core services never see a Lua table or a JavaScript object.
/// </summary>
/// <remarks>
/// Equality is structural. An <see cref="SpellInt"/> and a <see cref="SpellFloat"/> holding the same
/// number are equal, because JavaScript has one number type and a spell must compare the same on
/// every engine.
/// </remarks>
public abstract class SpellValue : IEquatable<SpellValue>
{
    /// <summary>How deep lists and maps may nest; deeper values are rejected rather than risking the stack.</summary>
    public const int MaxDepth = 128;

    private protected SpellValue()
    {
    }

    public static SpellValue Null => SpellNull.Instance;

    public static SpellValue True { get; } = new SpellBool(true);

    public static SpellValue False { get; } = new SpellBool(false);

    public abstract SpellValueKind Kind { get; }

    public bool IsNull => Kind == SpellValueKind.Null;

    public static SpellValue From(bool value) => value ? True : False;

    public static SpellValue From(long value) => new SpellInt(value);

    public static SpellValue From(double value) => new SpellFloat(value);

    public static SpellValue From(string? value) => value is null ? Null : new SpellString(value);

    public static SpellValue FromBytes(ReadOnlyMemory<byte> value) => new SpellBytes(value);

    public static SpellList List(params IEnumerable<SpellValue> items) => new(items);

    public static SpellMap Map(params IEnumerable<KeyValuePair<string, SpellValue>> entries) => new(entries);

    /// <summary>The name a script author sees in error messages, the same on every engine.</summary>
    public static string TypeName(SpellValueKind kind) => kind switch
    {
        SpellValueKind.Null => "null",
        SpellValueKind.Bool => "boolean",
        SpellValueKind.Int => "integer",
        SpellValueKind.Float => "number",
        SpellValueKind.String => "string",
        SpellValueKind.Bytes => "bytes",
        SpellValueKind.List => "list",
        SpellValueKind.Map => "map",
        SpellValueKind.Function => "function",
        _ => kind.ToString(),
    };

    public static bool operator ==(SpellValue? left, SpellValue? right) => Equals(left, right);

    public static bool operator !=(SpellValue? left, SpellValue? right) => !Equals(left, right);

    public abstract bool Equals(SpellValue? other);

    public override bool Equals(object? obj) => obj is SpellValue other && Equals(other);

    public abstract override int GetHashCode();

    /// <summary>Compact JSON, which is also how values are shown to people.</summary>
    public override string ToString() => SpellJson.Serialize(this);
}

public sealed class SpellNull : SpellValue
{
    internal static readonly SpellNull Instance = new();

    private SpellNull()
    {
    }

    public override SpellValueKind Kind => SpellValueKind.Null;

    public override bool Equals(SpellValue? other) => other is SpellNull;

    public override int GetHashCode() => 0;
}

public sealed class SpellBool(bool value) : SpellValue
{
    public bool Value { get; } = value;

    public override SpellValueKind Kind => SpellValueKind.Bool;

    public override bool Equals(SpellValue? other) => other is SpellBool b && b.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();
}

public sealed class SpellInt(long value) : SpellValue
{
    public long Value { get; } = value;

    public override SpellValueKind Kind => SpellValueKind.Int;

    public override bool Equals(SpellValue? other) => other switch
    {
        SpellInt i => i.Value == Value,
        SpellFloat f => f.Value == Value,
        _ => false,
    };

    // Integral floats hash like the equal integer so that the equality above stays consistent.
    public override int GetHashCode() => ((double)Value).GetHashCode();
}

public sealed class SpellFloat(double value) : SpellValue
{
    public double Value { get; } = value;

    public override SpellValueKind Kind => SpellValueKind.Float;

    public override bool Equals(SpellValue? other) => other switch
    {
        SpellFloat f => f.Value.Equals(Value),
        SpellInt i => i.Value == Value,
        _ => false,
    };

    public override int GetHashCode() => Value.GetHashCode();

    internal string Format() => Value.ToString("R", CultureInfo.InvariantCulture);
}

public sealed class SpellString(string value) : SpellValue
{
    public string Value { get; } = value ?? throw new ArgumentNullException(nameof(value));

    public override SpellValueKind Kind => SpellValueKind.String;

    public override bool Equals(SpellValue? other) => other is SpellString s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
}

public sealed class SpellBytes(ReadOnlyMemory<byte> value) : SpellValue
{
    public ReadOnlyMemory<byte> Value { get; } = value;

    public override SpellValueKind Kind => SpellValueKind.Bytes;

    public override bool Equals(SpellValue? other) => other is SpellBytes b && b.Value.Span.SequenceEqual(Value.Span);

    public override int GetHashCode() => Value.Length;
}
