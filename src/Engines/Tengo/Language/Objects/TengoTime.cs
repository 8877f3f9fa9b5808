using System.Globalization;

namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// An instant, kept in UTC (spells behave the same on every machine), to the nanosecond as Go keeps
/// it: a <see cref="DateTime"/> (100 ns ticks) and the nanoseconds below its last tick.
/// </summary>
public sealed class TengoTime : TengoObject
{
    private const long NanosPerTick = 100;

    public TengoTime(DateTime value, int nanosBelowTick = 0)
    {
        if (nanosBelowTick is < 0 or >= (int)NanosPerTick)
        {
            throw new ArgumentOutOfRangeException(nameof(nanosBelowTick));
        }

        Value = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        NanosBelowTick = nanosBelowTick;
    }

    public DateTime Value { get; }

    /// <summary>0–99: what Go's nanosecond clock has beyond <see cref="Value"/>'s ticks.</summary>
    public int NanosBelowTick { get; }

    public override string TypeName => "time";

    public override bool IsFalsy => Value == DateTime.MinValue && NanosBelowTick == 0;

    internal override bool ValueEquals(TengoObject other, int depth) => other is TengoTime t && CompareTo(t) == 0;

    public int CompareTo(TengoTime other)
    {
        var byTicks = Value.CompareTo(other.Value);
        return byTicks != 0 ? byTicks : NanosBelowTick.CompareTo(other.NanosBelowTick);
    }

    /// <summary>Nanoseconds within the second (Go's <c>Time.Nanosecond</c>).</summary>
    public long Nanosecond => Value.Ticks % TimeSpan.TicksPerSecond * NanosPerTick + NanosBelowTick;

    /// <summary>Nanoseconds since the Unix epoch; like Go's, it wraps for times beyond about 1678–2262.</summary>
    public long UnixNano => unchecked((Value - DateTime.UnixEpoch).Ticks * NanosPerTick + NanosBelowTick);

    public static TengoTime FromUnixNano(long nanoseconds) => UnixEpoch.Add(nanoseconds);

    private static readonly TengoTime UnixEpoch = new(DateTime.UnixEpoch);

    /// <summary>Go's <c>time.Unix(sec, nsec)</c>: nsec may be outside [0, 1e9); a time beyond the calendar is a runtime error.</summary>
    public static TengoTime FromUnix(long seconds, long nanoseconds)
    {
        var carry = Math.DivRem(nanoseconds, 1_000_000_000L, out var rest);
        if (rest < 0)
        {
            rest += 1_000_000_000L;
            carry--;
        }

        // Range-checked in whole seconds first: DateTime covers years 1 to 9999.
        var total = (decimal)seconds + carry;
        var min = (decimal)(DateTime.MinValue - DateTime.UnixEpoch).TotalSeconds;
        var max = (decimal)(DateTime.MaxValue - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond;
        if (total < min || total > max)
        {
            throw new TengoRuntimeException($"time out of range: unix {seconds} s {nanoseconds} ns is outside the years 1 to 9999");
        }

        return new TengoTime(DateTime.UnixEpoch.AddTicks((long)total * TimeSpan.TicksPerSecond)).Add(rest);
    }

    /// <summary>This time moved by <paramref name="nanoseconds"/> (Go's <c>Time.Add</c>).</summary>
    public TengoTime Add(long nanoseconds)
    {
        var ticks = Math.DivRem(nanoseconds, NanosPerTick, out var rest);
        rest += NanosBelowTick;
        if (rest < 0)
        {
            rest += NanosPerTick;
            ticks--;
        }
        else if (rest >= NanosPerTick)
        {
            rest -= NanosPerTick;
            ticks++;
        }

        var target = (decimal)Value.Ticks + ticks;
        if (target < DateTime.MinValue.Ticks || target > DateTime.MaxValue.Ticks)
        {
            throw new TengoRuntimeException("time out of range: the result is outside the years 1 to 9999");
        }

        return new TengoTime(new DateTime((long)target, DateTimeKind.Utc), (int)rest);
    }

    /// <summary>Nanoseconds from <paramref name="other"/> to this time (Go's <c>Time.Sub</c>, saturating as Go does).</summary>
    public long Since(TengoTime other)
    {
        var nanos = ((decimal)Value.Ticks - other.Value.Ticks) * NanosPerTick + NanosBelowTick - other.NanosBelowTick;
        return nanos > long.MaxValue ? long.MaxValue : nanos < long.MinValue ? long.MinValue : (long)nanos;
    }

    /// <summary>The nine digits of the fraction of a second, as Go prints them.</summary>
    public string FractionDigits => Nanosecond.ToString("D9", CultureInfo.InvariantCulture);

    // Go's Time.String(): 2006-01-02 15:04:05.999999999 -0700 MST
    public override string ToString()
    {
        var fraction = FractionDigits.TrimEnd('0');
        return Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + (fraction.Length > 0 ? "." + fraction : "") + " +0000 UTC";
    }

    /// <summary>RFC 3339 with as many fraction digits as needed (Go's <c>time.RFC3339Nano</c>), as JSON writes a time.</summary>
    public string ToRfc3339Nano()
    {
        var fraction = FractionDigits.TrimEnd('0');
        return Value.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + (fraction.Length > 0 ? "." + fraction : "") + "Z";
    }
}
