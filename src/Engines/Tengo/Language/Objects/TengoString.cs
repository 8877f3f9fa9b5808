using System.Text;

namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// A string. Tengo strings are UTF-8: <c>len</c> and slices count bytes, indexing and for-in count
/// code points. Scripts are almost always ASCII, where the three agree, so the UTF-8 view is only
/// computed for text that needs it.
/// </summary>
public sealed class TengoString(string value) : TengoObject
{
    public static readonly TengoString Empty = new("");

    private int[]? _runes;
    private int _byteLength = -1;

    public string Value { get; } = value;

    public override string TypeName => "string";

    public override bool IsFalsy => Value.Length == 0;

    internal override bool ValueEquals(TengoObject other, int depth) => other is TengoString s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    public override string ToString() => Quote(Value);

    public override bool CanIterate => true;

    internal override TengoIterator Iterate() => new RuneIterator(Runes);

    public int ByteLength => _byteLength >= 0 ? _byteLength : _byteLength = Encoding.UTF8.GetByteCount(Value);

    public bool IsAscii => ByteLength == Value.Length;

    internal int[] Runes => _runes ??= Value.EnumerateRunes().Select(r => r.Value).ToArray();

    /// <summary>Bytes <paramref name="low"/>..<paramref name="high"/> as a string, as Go slices a string.</summary>
    public string SliceBytes(int low, int high) =>
        IsAscii ? Value[low..high] : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(Value), low, high - low);

    /// <summary>Go's <c>strconv.Quote</c>.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\a': builder.Append("\\a"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\v': builder.Append("\\v"); break;
                case < 0x20 or 0x7F: builder.Append($"\\x{rune.Value:x2}"); break;
                default:
                    if (Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format)
                    {
                        builder.Append(rune.Value > 0xFFFF ? $"\\U{rune.Value:x8}" : $"\\u{rune.Value:x4}");
                    }
                    else
                    {
                        builder.Append(rune.ToString());
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private sealed class RuneIterator(int[] runes) : TengoIterator
    {
        private int _index = -1;

        public override bool Next() => ++_index < runes.Length;

        public override TengoObject Key => TengoInt.From(_index);

        public override TengoObject Value => new TengoChar(runes[_index]);
    }
}
