using System.Globalization;

namespace LlmSpell.Engines.Tengo.Language;

/// <summary>An instant, kept in UTC (spells behave the same on every machine), to 100 ns.</summary>
public sealed class TengoTime(DateTime value) : TengoObject
{
    public DateTime Value { get; } = DateTime.SpecifyKind(value, DateTimeKind.Utc);

    public override string TypeName => "time";

    public override bool IsFalsy => Value == DateTime.MinValue;

    internal override bool ValueEquals(TengoObject other, int depth) => other is TengoTime t && t.Value == Value;

    /// <summary>Nanoseconds since the Unix epoch.</summary>
    public long UnixNano => (Value - DateTime.UnixEpoch).Ticks * 100;

    public static TengoTime FromUnixNano(long nanoseconds) => new(DateTime.UnixEpoch.AddTicks(nanoseconds / 100));

    // Go's Time.String(): 2006-01-02 15:04:05.999999999 -0700 MST
    public override string ToString()
    {
        var fraction = Value.ToString("fffffff", CultureInfo.InvariantCulture).TrimEnd('0');
        return Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + (fraction.Length > 0 ? "." + fraction : "") + " +0000 UTC";
    }
}
