using System.Globalization;

namespace LlmSpell.Engines.Tengo.Language;

/// <summary>Integer text as Go reads it; one reader for integer literals, <c>int(s)</c> and <c>text.parse_int(s, 0, …)</c>.</summary>
internal static class GoIntegers
{
    /// <summary>Go's <c>strconv.ParseInt(s, 0, 64)</c>: an optional sign, then decimal, 0x, 0o, 0b or leading-0 octal.</summary>
    public static long? Parse(string text)
    {
        var s = text.Replace("_", "", StringComparison.Ordinal);
        if (s.Length == 0) return null;
        var negative = s[0] == '-';
        if (s[0] is '-' or '+') s = s[1..];
        if (s.Length == 0 || !char.IsAsciiDigit(s[0])) return null;
        try
        {
            ulong magnitude;
            if (s.Length > 2 && s[0] == '0' && s[1] is 'x' or 'X') magnitude = ulong.Parse(s[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            else if (s.Length > 2 && s[0] == '0' && s[1] is 'b' or 'B') magnitude = System.Convert.ToUInt64(s[2..], 2);
            else if (s.Length > 2 && s[0] == '0' && s[1] is 'o' or 'O') magnitude = System.Convert.ToUInt64(s[2..], 8);
            else if (s.Length > 1 && s[0] == '0') magnitude = System.Convert.ToUInt64(s[1..], 8);
            else magnitude = ulong.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
            if (negative) return magnitude <= 9223372036854775808UL ? (long)(0 - magnitude) : null;
            return magnitude <= long.MaxValue ? (long)magnitude : null;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return null;
        }
    }
}
