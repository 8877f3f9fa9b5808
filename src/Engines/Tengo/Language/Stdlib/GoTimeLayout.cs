using System.Globalization;
using System.Text;

namespace LlmSpell.Engines.Tengo.Language.Stdlib;

/// <summary>
/// Go's reference-time layouts ("2006-01-02T15:04:05Z07:00") translated to .NET custom formats, so
/// times.time_format and times.parse take the layouts Tengo scripts are written with. Times are UTC.
/// </summary>
internal static class GoTimeLayout
{
    // Longest first: the layout is matched greedily left to right, as Go does.
    private static readonly (string Go, string Net)[] Elements =
    [
        ("January", "MMMM"), ("Monday", "dddd"), ("2006", "yyyy"), ("Z07:00", "Z07:00"), ("-07:00", "zzz"), ("-0700", "-0700"),
        ("Jan", "MMM"), ("Mon", "ddd"), ("MST", "'UTC'"), (".000000000", ".f9"), (".999999999", ".F9"),
        (".000000", ".f6"), (".999999", ".F6"), (".000", ".f3"), (".999", ".F3"),
        ("01", "MM"), ("02", "dd"), ("_2", "%d"), ("06", "yy"), ("15", "HH"), ("03", "hh"), ("04", "mm"), ("05", "ss"),
        ("PM", "tt"), ("pm", "tt"), ("1", "%M"), ("2", "%d"), ("3", "%h"), ("4", "%m"), ("5", "%s"),
    ];

    public static string Format(TengoTime time, string layout)
    {
        var value = time.Value;
        var builder = new StringBuilder();
        foreach (var part in Translate(layout))
        {
            builder.Append(part.IsLiteral ? part.Text : part.Text switch
            {
                "Z07:00" => "Z",
                "-0700" => "+0000",
                // Fractions come from the nanoseconds (.NET's own stop at 100 ns): .000 keeps its
                // zeros, .999 drops trailing ones and the point with them, as Go does.
                ['.', 'f', var n] => "." + time.FractionDigits[..(n - '0')],
                ['.', 'F', var n] => time.FractionDigits[..(n - '0')].TrimEnd('0') is { Length: > 0 } digits ? "." + digits : "",
                _ => value.ToString(part.Text.Length == 1 ? "%" + part.Text : part.Text, CultureInfo.InvariantCulture),
            });
        }

        return builder.ToString();
    }

    public static DateTime? Parse(string layout, string text)
    {
        var format = new StringBuilder();
        foreach (var part in Translate(layout))
        {
            format.Append(part.IsLiteral ? Quote(part.Text) : part.Text switch
            {
                "Z07:00" => "K",
                "-0700" => "zzz",
                ".f9" => ".fffffff'00'",
                ".F9" => ".FFFFFFF",
                ['.', var f, var n] => "." + new string(f, n - '0'),
                _ => part.Text,
            });
        }

        var netFormat = format.ToString();
        var candidate = text;
        if (layout.Contains("-0700", StringComparison.Ordinal))
        {
            // .NET reads offsets with a colon; Go's -0700 has none.
            candidate = System.Text.RegularExpressions.Regex.Replace(text, @"([+-]\d\d)(\d\d)\b", "$1:$2");
        }

        return DateTime.TryParseExact(candidate, netFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            ? DateTime.SpecifyKind(parsed, DateTimeKind.Utc)
            : null;
    }

    private static string Quote(string literal) => literal.Length == 0 ? "" : "'" + literal.Replace("'", "''", StringComparison.Ordinal) + "'";

    private readonly record struct Part(string Text, bool IsLiteral);

    private static List<Part> Translate(string layout)
    {
        var parts = new List<Part>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < layout.Length)
        {
            var matched = false;
            foreach (var (go, net) in Elements)
            {
                if (string.CompareOrdinal(layout, i, go, 0, go.Length) == 0)
                {
                    if (literal.Length > 0)
                    {
                        parts.Add(new Part(literal.ToString(), true));
                        literal.Clear();
                    }

                    parts.Add(new Part(net, false));
                    i += go.Length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                literal.Append(layout[i++]);
            }
        }

        if (literal.Length > 0)
        {
            parts.Add(new Part(literal.ToString(), true));
        }

        return parts;
    }
}
