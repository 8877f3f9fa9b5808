using System.Globalization;
using System.Text;

namespace LlmSpell.Engines.Tengo.Language.Stdlib;

/// <summary>
/// Go's reference-time layouts ("2006-01-02T15:04:05Z07:00"), which times.time_format and
/// times.parse take: a layout split into Go's elements, and a time formatted by them. Times are UTC.
/// </summary>
internal static class GoTimeLayout
{
    // Longest first: the layout is matched greedily left to right, as Go does. Fractions (".000",
    // ".999" of any length) are recognised apart from these.
    private static readonly string[] Elements =
    [
        "January", "Monday", "Z07:00", "-07:00", "Z0700", "-0700", "2006", "Jan", "Mon", "MST", "Z07", "-07",
        "002", "__2", "01", "02", "_2", "06", "15", "03", "04", "05", "PM", "pm", "1", "2", "3", "4", "5",
    ];

    /// <summary>A run of literal text, or one of Go's layout elements (a fraction is ".000…" or ".999…", or with a comma).</summary>
    internal readonly record struct Part(string Text, bool IsLiteral)
    {
        public bool IsFraction => !IsLiteral && Text[0] is ('.' or ',');

        /// <summary>".000": exactly that many digits, kept when zero; ".999": as many as needed.</summary>
        public bool IsFixedFraction => IsFraction && Text[1] == '0';
    }

    public static string Format(TengoTime time, string layout)
    {
        var value = time.Value;
        var builder = new StringBuilder();
        foreach (var part in Split(layout))
        {
            if (part.IsLiteral)
            {
                builder.Append(part.Text);
                continue;
            }

            if (part.IsFraction)
            {
                // From the nanoseconds (.NET's own stop at 100 ns): .000 keeps its zeros, .999 drops
                // trailing ones and the point with them, as Go does.
                var digits = time.FractionDigits[..Math.Min(9, part.Text.Length - 1)];
                builder.Append(part.IsFixedFraction ? part.Text[0] + digits : digits.TrimEnd('0') is { Length: > 0 } kept ? part.Text[0] + kept : "");
                continue;
            }

            var hour12 = value.Hour % 12 == 0 ? 12 : value.Hour % 12;
            builder.Append(part.Text switch
            {
                "January" => value.ToString("MMMM", CultureInfo.InvariantCulture),
                "Jan" => value.ToString("MMM", CultureInfo.InvariantCulture),
                "Monday" => value.ToString("dddd", CultureInfo.InvariantCulture),
                "Mon" => value.ToString("ddd", CultureInfo.InvariantCulture),
                "2006" => value.Year.ToString("D4", CultureInfo.InvariantCulture),
                "06" => (value.Year % 100).ToString("D2", CultureInfo.InvariantCulture),
                "01" => value.Month.ToString("D2", CultureInfo.InvariantCulture),
                "1" => value.Month.ToString(CultureInfo.InvariantCulture),
                "02" => value.Day.ToString("D2", CultureInfo.InvariantCulture),
                "_2" => value.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2),
                "2" => value.Day.ToString(CultureInfo.InvariantCulture),
                "002" => value.DayOfYear.ToString("D3", CultureInfo.InvariantCulture),
                "__2" => value.DayOfYear.ToString(CultureInfo.InvariantCulture).PadLeft(3),
                "15" => value.Hour.ToString("D2", CultureInfo.InvariantCulture),
                "03" => hour12.ToString("D2", CultureInfo.InvariantCulture),
                "3" => hour12.ToString(CultureInfo.InvariantCulture),
                "04" => value.Minute.ToString("D2", CultureInfo.InvariantCulture),
                "4" => value.Minute.ToString(CultureInfo.InvariantCulture),
                "05" => value.Second.ToString("D2", CultureInfo.InvariantCulture),
                "5" => value.Second.ToString(CultureInfo.InvariantCulture),
                "PM" => value.Hour >= 12 ? "PM" : "AM",
                "pm" => value.Hour >= 12 ? "pm" : "am",
                "MST" => "UTC",
                "Z07:00" or "Z0700" or "Z07" => "Z",
                "-07:00" => "+00:00",
                "-0700" => "+0000",
                _ => "+00",
            });
        }

        return builder.ToString();
    }

    internal static List<Part> Split(string layout)
    {
        var parts = new List<Part>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < layout.Length)
        {
            var element = FractionAt(layout, i) ?? Array.Find(Elements, e => string.CompareOrdinal(layout, i, e, 0, e.Length) == 0);
            if (element is null)
            {
                literal.Append(layout[i++]);
                continue;
            }

            if (literal.Length > 0)
            {
                parts.Add(new Part(literal.ToString(), true));
                literal.Clear();
            }

            parts.Add(new Part(element, false));
            i += element.Length;
        }

        if (literal.Length > 0)
        {
            parts.Add(new Part(literal.ToString(), true));
        }

        return parts;
    }

    // As Go: '.' or ',' (kept when formatting) then a run of 0s or of 9s that no other digit follows.
    private static string? FractionAt(string layout, int i)
    {
        if (layout[i] is not ('.' or ',') || i + 1 >= layout.Length || layout[i + 1] is not ('0' or '9'))
        {
            return null;
        }

        var digit = layout[i + 1];
        var end = i + 1;
        while (end < layout.Length && layout[end] == digit) end++;
        return end < layout.Length && char.IsAsciiDigit(layout[end]) ? null : layout[i..end];
    }
}
