namespace LlmSpell.Engines.Tengo.Language;

/// <summary>A Unicode code point (Go's rune).</summary>
public sealed class TengoChar(int value) : TengoObject
{
    public int Value { get; } = value;

    public override string TypeName => "char";

    public override bool IsFalsy => Value == 0;

    internal override bool ValueEquals(TengoObject other, int depth) => other is TengoChar c && c.Value == Value;

    public override string ToString() => AsText(Value);

    /// <summary>The code point as text; an invalid one reads as U+FFFD, as Go's string(rune) does.</summary>
    public static string AsText(int rune) => System.Text.Rune.IsValid(rune) ? char.ConvertFromUtf32(rune) : "\uFFFD";
}
