using System.Globalization;

namespace LlmSpell.Engines.Tengo.Language;

public sealed class TengoFloat(double value) : TengoObject
{
    public double Value { get; } = value;

    public override string TypeName => "float";

    public override bool IsFalsy => double.IsNaN(Value);

    // An int equals the float of the same value, as in the reference (d5/tengo#477).
    internal override bool ValueEquals(TengoObject other, int depth) => other switch
    {
        TengoFloat f => f.Value == Value,
        TengoInt i => i.Value == Value,
        _ => false,
    };

    public override string ToString() => Format(Value);

    /// <summary>Go's <c>strconv.FormatFloat(v, 'f', -1, 64)</c>: the shortest digits that round-trip, never an exponent.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "+Inf";
        if (double.IsNegativeInfinity(value)) return "-Inf";
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return shortest;
        }

        var negative = shortest[0] == '-';
        var mantissa = shortest[(negative ? 1 : 0)..e];
        var exponent = int.Parse(shortest[(e + 1)..], CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var integerDigits = (point < 0 ? mantissa.Length : point) + exponent;
        string text;
        if (integerDigits <= 0)
        {
            text = "0." + new string('0', -integerDigits) + digits;
        }
        else if (integerDigits >= digits.Length)
        {
            text = digits + new string('0', integerDigits - digits.Length);
        }
        else
        {
            text = digits[..integerDigits] + "." + digits[integerDigits..];
        }

        return negative ? "-" + text : text;
    }

}
