using System.Globalization;
using System.Text;

namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// Go's fmt verbs over Tengo values, for <c>format</c>, <c>fmt.sprintf</c> and <c>fmt.printf</c>:
/// %v %d %s %q %f %e %g %x %X %o %b %c %t %T %%, with flags (- + # 0 space), width and precision.
/// Mismatches are written into the output as Go does (%!d(string=hi)) rather than failing.
/// </summary>
internal static class TengoFormat
{
    public static string Format(string format, ReadOnlySpan<TengoObject> args)
    {
        var output = new StringBuilder(format.Length + 16);
        var next = 0;
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i++];
            if (c != '%')
            {
                output.Append(c);
                continue;
            }

            if (i >= format.Length)
            {
                output.Append("%!(NOVERB)");
                break;
            }

            var spec = new Spec();
            while (i < format.Length && format[i] is '-' or '+' or '#' or '0' or ' ')
            {
                switch (format[i++])
                {
                    case '-': spec.Minus = true; break;
                    case '+': spec.Plus = true; break;
                    case '#': spec.Sharp = true; break;
                    case '0': spec.Zero = true; break;
                    default: spec.Space = true; break;
                }
            }

            spec.Width = ReadNumber(format, ref i, args, ref next);
            if (i < format.Length && format[i] == '.')
            {
                i++;
                spec.Precision = ReadNumber(format, ref i, args, ref next) ?? 0;
            }

            if (i >= format.Length)
            {
                output.Append("%!(NOVERB)");
                break;
            }

            var verb = format[i++];
            if (verb == '%')
            {
                output.Append('%');
                continue;
            }

            if (next >= args.Length)
            {
                output.Append("%!").Append(verb).Append("(MISSING)");
                continue;
            }

            output.Append(Pad(FormatOne(verb, args[next++], spec), spec));
        }

        if (next < args.Length)
        {
            output.Append("%!(EXTRA ");
            for (var j = next; j < args.Length; j++)
            {
                if (j > next) output.Append(", ");
                output.Append(args[j].TypeName).Append('=').Append(Arguments.Text(args[j]));
            }

            output.Append(')');
        }

        return output.ToString();
    }

    private static int? ReadNumber(string format, ref int i, ReadOnlySpan<TengoObject> args, ref int next)
    {
        if (i < format.Length && format[i] == '*')
        {
            i++;
            return next < args.Length && args[next++] is TengoInt n ? (int)Math.Clamp(n.Value, 0, 10_000) : null;
        }

        var start = i;
        while (i < format.Length && char.IsAsciiDigit(format[i])) i++;
        return i > start ? Math.Min(10_000, int.Parse(format.AsSpan(start, Math.Min(i - start, 6)), CultureInfo.InvariantCulture)) : null;
    }

    private sealed class Spec
    {
        public bool Minus, Plus, Sharp, Zero, Space;
        public int? Width, Precision;
    }

    private static string Pad(string text, Spec spec)
    {
        if (spec.Width is not { } width || text.Length >= width) return text;
        if (spec.Minus) return text.PadRight(width);
        if (spec.Zero && text.Length > 0 && text[0] is '-' or '+') return text[0] + text[1..].PadLeft(width - 1, '0');
        return text.PadLeft(width, spec.Zero ? '0' : ' ');
    }

    private static string Bad(char verb, TengoObject value) => $"%!{verb}({value.TypeName}={Arguments.Text(value)})";

    private static string FormatOne(char verb, TengoObject value, Spec spec)
    {
        switch (verb)
        {
            case 'v':
                return value switch
                {
                    TengoFloat f => FormatFloat(f.Value, 'g', spec),
                    TengoInt i => Signed(i.Value.ToString(CultureInfo.InvariantCulture), i.Value >= 0, spec),
                    TengoBool truth => truth.Value ? "true" : "false",
                    // Go's %#v quotes what it prints as text: the reference formats every other
                    // value through its string form, so "a" and [1] both come out quoted.
                    _ when spec.Sharp => TengoString.Quote(Arguments.Text(value)),
                    _ => Arguments.Text(value),
                };
            case 'T':
                return value.TypeName;
            case 't':
                return value is TengoBool b ? (b.Value ? "true" : "false") : Bad(verb, value);
            case 's':
                return value switch
                {
                    TengoBytes bytes => Truncate(Encoding.UTF8.GetString(bytes.Value), spec),
                    _ => Truncate(Arguments.Text(value), spec),
                };
            case 'q':
                return value switch
                {
                    TengoString s => TengoString.Quote(s.Value),
                    TengoChar ch => "'" + TengoString.Quote(TengoChar.AsText(ch.Value))[1..^1].Replace("'", "\\'", StringComparison.Ordinal) + "'",
                    TengoInt i when i.Value is >= 0 and <= 0x10FFFF => "'" + TengoChar.AsText((int)i.Value) + "'",
                    _ => TengoString.Quote(Arguments.Text(value)),
                };
            case 'c':
                return value switch
                {
                    TengoChar ch => TengoChar.AsText(ch.Value),
                    TengoInt i when i.Value is >= 0 and <= 0x10FFFF => TengoChar.AsText((int)i.Value),
                    _ => Bad(verb, value),
                };
            case 'd' or 'b' or 'o' or 'O' or 'x' or 'X':
                return value switch
                {
                    TengoInt i => Integer(verb, i.Value, spec),
                    TengoChar ch => Integer(verb, ch.Value, spec),
                    TengoString s when verb is 'x' or 'X' => Hex(Encoding.UTF8.GetBytes(s.Value), verb),
                    TengoBytes bytes when verb is 'x' or 'X' => Hex(bytes.Value, verb),
                    TengoFloat f when verb is 'x' or 'X' => FormatFloat(f.Value, 'e', spec),
                    _ => Bad(verb, value),
                };
            case 'e' or 'E' or 'f' or 'F' or 'g' or 'G':
                return value switch
                {
                    TengoFloat f => FormatFloat(f.Value, verb, spec),
                    TengoInt i => FormatFloat(i.Value, verb, spec),
                    _ => Bad(verb, value),
                };
            default:
                return $"%!{verb}({value.TypeName}={Arguments.Text(value)})";
        }
    }

    private static string Truncate(string text, Spec spec) =>
        spec.Precision is { } p && p < text.Length ? text[..p] : text;

    private static string Hex(byte[] bytes, char verb)
    {
        var hex = Convert.ToHexString(bytes);
        return verb == 'x' ? hex.ToLowerInvariant() : hex;
    }

    private static string Signed(string digits, bool nonNegative, Spec spec) =>
        nonNegative && spec.Plus ? "+" + digits : nonNegative && spec.Space ? " " + digits : digits;

    private static string Integer(char verb, long value, Spec spec)
    {
        var magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        var digits = verb switch
        {
            'b' => Convert.ToString((long)magnitude, 2),
            'o' or 'O' => Convert.ToString((long)magnitude, 8),
            'x' => magnitude.ToString("x", CultureInfo.InvariantCulture),
            'X' => magnitude.ToString("X", CultureInfo.InvariantCulture),
            _ => magnitude.ToString(CultureInfo.InvariantCulture),
        };
        if (spec.Precision is { } p && digits.Length < p) digits = digits.PadLeft(p, '0');
        if (spec.Sharp || verb == 'O')
        {
            digits = verb switch { 'b' => "0b" + digits, 'o' => "0" + digits, 'O' => "0o" + digits, 'x' => "0x" + digits, 'X' => "0X" + digits, _ => digits };
        }

        return value < 0 ? "-" + digits : Signed(digits, true, spec);
    }

    private static string FormatFloat(double value, char verb, Spec spec)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "+Inf" : "-Inf";
        string text;
        switch (verb)
        {
            case 'f' or 'F':
                text = value.ToString("F" + (spec.Precision ?? 6), CultureInfo.InvariantCulture);
                break;
            case 'e' or 'E':
                text = GoExponent(value.ToString((verb == 'e' ? "e" : "E") + (spec.Precision ?? 6), CultureInfo.InvariantCulture));
                break;
            default:
                text = spec.Precision is { } p ? GoExponent(value.ToString("G" + Math.Max(1, p), CultureInfo.InvariantCulture)) : ShortestG(value);
                if (verb == 'g') text = text.Replace('E', 'e');
                break;
        }

        return Signed(text, !text.StartsWith('-'), spec);
    }

    /// <summary>Go's %v/%g of a float: shortest digits, exponent form only below 1e-4 or from 1e21.</summary>
    private static string ShortestG(double value)
    {
        var abs = Math.Abs(value);
        if (abs != 0 && (abs < 1e-4 || abs >= 1e21))
        {
            return GoExponent(ShortestExponent(value));
        }

        return TengoFloat.Format(value);
    }

    private static string ShortestExponent(double value)
    {
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        if (r.Contains('E', StringComparison.Ordinal)) return r.Replace("E", "e", StringComparison.Ordinal);
        // "R" chose plain notation; rebuild as mantissa and exponent.
        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var mantissa = value / Math.Pow(10, exponent);
        return mantissa.ToString("R", CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>.NET writes exponents as E+006; Go writes e+06.</summary>
    private static string GoExponent(string text)
    {
        var e = text.IndexOfAny(['e', 'E']);
        if (e < 0) return text;
        var sign = text[e + 1] is '+' or '-' ? text[e + 1] : '+';
        var digits = text[(e + (text[e + 1] is '+' or '-' ? 2 : 1))..].TrimStart('0');
        if (digits.Length < 2) digits = digits.PadLeft(2, '0');
        return text[..(e + 1)] + sign + digits;
    }
}
