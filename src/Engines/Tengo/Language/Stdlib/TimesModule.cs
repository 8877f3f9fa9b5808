using System.Globalization;
using System.Text;

namespace LlmSpell.Engines.Tengo.Language.Stdlib;

/// <summary>times: Go's time package for scripts. Durations are ints in nanoseconds; times are UTC.</summary>
internal static class TimesModule
{
    private const long Nanosecond = 1, Microsecond = 1000, Millisecond = 1_000_000, Second = 1_000_000_000, Minute = 60 * Second, Hour = 60 * Minute;
    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    public static TengoMap Create()
    {
        var builder = new ModuleBuilder("times")
            .Value("format_ansic", new TengoString("Mon Jan _2 15:04:05 2006"))
            .Value("format_unix_date", new TengoString("Mon Jan _2 15:04:05 MST 2006"))
            .Value("format_ruby_date", new TengoString("Mon Jan 02 15:04:05 -0700 2006"))
            .Value("format_rfc822", new TengoString("02 Jan 06 15:04 MST"))
            .Value("format_rfc822z", new TengoString("02 Jan 06 15:04 -0700"))
            .Value("format_rfc850", new TengoString("Monday, 02-Jan-06 15:04:05 MST"))
            .Value("format_rfc1123", new TengoString("Mon, 02 Jan 2006 15:04:05 MST"))
            .Value("format_rfc1123z", new TengoString("Mon, 02 Jan 2006 15:04:05 -0700"))
            .Value("format_rfc3339", new TengoString("2006-01-02T15:04:05Z07:00"))
            .Value("format_rfc3339_nano", new TengoString("2006-01-02T15:04:05.999999999Z07:00"))
            .Value("format_kitchen", new TengoString("3:04PM"))
            .Value("format_stamp", new TengoString("Jan _2 15:04:05"))
            .Value("format_stamp_milli", new TengoString("Jan _2 15:04:05.000"))
            .Value("format_stamp_micro", new TengoString("Jan _2 15:04:05.000000"))
            .Value("format_stamp_nano", new TengoString("Jan _2 15:04:05.000000000"))
            .Int("nanosecond", Nanosecond).Int("microsecond", Microsecond).Int("millisecond", Millisecond)
            .Int("second", Second).Int("minute", Minute).Int("hour", Hour);
        for (var m = 0; m < 12; m++)
        {
            builder.Int(Months[m].ToLowerInvariant(), m + 1);
        }

        return builder
            .Function("sleep", Sleep)
            .Function("parse_duration", (vm, a) =>
            {
                Arguments.Count(a, 1);
                var text = Arguments.StringLike(a, 0);
                return ParseDuration(text) is { } d ? TengoInt.From(d) : new TengoError(new TengoString($"time: invalid duration {TengoString.Quote(text)}"));
            })
            .Function("since", (vm, a) => { Arguments.Count(a, 1); return TengoInt.From(new TengoTime(vm.Options.UtcNow()).Since(Arguments.Time(a, 0))); })
            .Function("until", (vm, a) => { Arguments.Count(a, 1); return TengoInt.From(Arguments.Time(a, 0).Since(new TengoTime(vm.Options.UtcNow()))); })
            .Function("duration_hours", (_, a) => { Arguments.Count(a, 1); return new TengoFloat(Arguments.Int(a, 0) / (double)Hour); })
            .Function("duration_minutes", (_, a) => { Arguments.Count(a, 1); return new TengoFloat(Arguments.Int(a, 0) / (double)Minute); })
            .Function("duration_seconds", (_, a) => { Arguments.Count(a, 1); return new TengoFloat(Arguments.Int(a, 0) / (double)Second); })
            .Function("duration_milliseconds", (_, a) => { Arguments.Count(a, 1); return TengoInt.From(Arguments.Int(a, 0) / Millisecond); })
            .Function("duration_microseconds", (_, a) => { Arguments.Count(a, 1); return TengoInt.From(Arguments.Int(a, 0) / Microsecond); })
            .Function("duration_nanoseconds", (_, a) => { Arguments.Count(a, 1); return TengoInt.From(Arguments.Int(a, 0)); })
            .Function("duration_string", (vm, a) => { Arguments.Count(a, 1); return vm.NewString(DurationString(Arguments.Int(a, 0))); })
            .Function("month_string", (vm, a) =>
            {
                Arguments.Count(a, 1);
                var m = Arguments.Int(a, 0);
                return vm.NewString(m is >= 1 and <= 12 ? Months[m - 1] : $"%!Month({m})");
            })
            .Function("date", Date)
            .Function("now", (vm, a) => { Arguments.Count(a, 0); return new TengoTime(vm.Options.UtcNow()); })
            .Function("parse", (vm, a) =>
            {
                Arguments.Count(a, 2);
                var (layout, text) = (Arguments.StringLike(a, 0), Arguments.StringLike(a, 1));
                var (time, error) = GoTimeParser.Parse(layout, text);
                return time ?? (TengoObject)new TengoError(vm.NewString(error!));
            })
            .Function("unix", (_, a) =>
            {
                Arguments.Count(a, 2);
                return TengoTime.FromUnix(Arguments.Int(a, 0), Arguments.Int(a, 1));
            })
            .Function("add", (_, a) => { Arguments.Count(a, 2); return Arguments.Time(a, 0).Add(Arguments.Int(a, 1)); })
            .Function("sub", (_, a) => { Arguments.Count(a, 2); return TengoInt.From(Arguments.Time(a, 0).Since(Arguments.Time(a, 1))); })
            .Function("add_date", (_, a) =>
            {
                Arguments.Count(a, 4);
                var t = Arguments.Time(a, 0);
                try
                {
                    return new TengoTime(t.Value.AddYears((int)Arguments.Int(a, 1)).AddMonths((int)Arguments.Int(a, 2)).AddDays(Arguments.Int(a, 3)), t.NanosBelowTick);
                }
                catch (ArgumentOutOfRangeException)
                {
                    throw new TengoRuntimeException("times.add_date: the date is outside the years 1 to 9999");
                }
            })
            .Function("after", (_, a) => { Arguments.Count(a, 2); return TengoBool.From(Arguments.Time(a, 0).CompareTo(Arguments.Time(a, 1)) > 0); })
            .Function("before", (_, a) => { Arguments.Count(a, 2); return TengoBool.From(Arguments.Time(a, 0).CompareTo(Arguments.Time(a, 1)) < 0); })
            .Function("time_year", (_, a) => Part(a, t => t.Value.Year))
            .Function("time_month", (_, a) => Part(a, t => t.Value.Month))
            .Function("time_day", (_, a) => Part(a, t => t.Value.Day))
            .Function("time_weekday", (_, a) => Part(a, t => (int)t.Value.DayOfWeek))
            .Function("time_hour", (_, a) => Part(a, t => t.Value.Hour))
            .Function("time_minute", (_, a) => Part(a, t => t.Value.Minute))
            .Function("time_second", (_, a) => Part(a, t => t.Value.Second))
            .Function("time_nanosecond", (_, a) => Part(a, t => t.Nanosecond))
            .Function("time_unix", (_, a) => Part(a, t => (long)Math.Floor((decimal)(t.Value.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond)))
            .Function("time_unix_nano", (_, a) => Part(a, t => t.UnixNano))
            .Function("time_format", (vm, a) => { Arguments.Count(a, 2); return vm.NewString(GoTimeLayout.Format(Arguments.Time(a, 0), Arguments.StringLike(a, 1))); })
            .Function("time_location", (_, a) => { Arguments.Count(a, 1); Arguments.Time(a, 0); return new TengoString("UTC"); })
            .Function("time_string", (vm, a) => { Arguments.Count(a, 1); return vm.NewString(Arguments.Time(a, 0).ToString()); })
            .Function("is_zero", (_, a) => { Arguments.Count(a, 1); return TengoBool.From(Arguments.Time(a, 0).IsFalsy); })
            .Function("to_local", (_, a) => { Arguments.Count(a, 1); return Arguments.Time(a, 0); })
            .Function("to_utc", (_, a) => { Arguments.Count(a, 1); return Arguments.Time(a, 0); })
            .Function("in_location", (_, a) =>
            {
                Arguments.Count(a, 2);
                var location = Arguments.StringLike(a, 1);
                return location is "UTC" or "" ? Arguments.Time(a, 0) : new TengoError(new TengoString($"unknown time zone {location}: spells run in UTC"));
            })
            .Build();
    }

    private static TengoObject Part(ReadOnlySpan<TengoObject> a, Func<TengoTime, long> part)
    {
        Arguments.Count(a, 1);
        return TengoInt.From(part(Arguments.Time(a, 0)));
    }

    private static TengoObject Sleep(TengoVm vm, ReadOnlySpan<TengoObject> a)
    {
        Arguments.Count(a, 1);
        var nanoseconds = Arguments.Int(a, 0);
        if (nanoseconds > 0)
        {
            // Waits on the run's token, so a sleeping script still stops at its deadline.
            vm.Options.CancellationToken.WaitHandle.WaitOne(TimeSpan.FromTicks(Math.Min(nanoseconds / 100, TimeSpan.FromDays(1).Ticks)));
            if (vm.Options.CancellationToken.IsCancellationRequested)
            {
                throw new TengoLimitException(TengoLimit.Cancelled, "the run was stopped");
            }
        }

        return TengoUndefined.Instance;
    }

    private static TengoObject Date(TengoVm vm, ReadOnlySpan<TengoObject> a)
    {
        Arguments.Count(a, 7);
        try
        {
            var t = new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc)
                .AddYears((int)Arguments.Int(a, 0) - 1)
                .AddMonths((int)Arguments.Int(a, 1) - 1)
                .AddDays(Arguments.Int(a, 2) - 1)
                .AddHours(Arguments.Int(a, 3))
                .AddMinutes(Arguments.Int(a, 4))
                .AddSeconds(Arguments.Int(a, 5));
            return new TengoTime(t).Add(Arguments.Int(a, 6));
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new TengoRuntimeException("times.date: the date is out of range");
        }
    }

    /// <summary>Go's time.ParseDuration: "1h30m", "-1.5s", "300ms", "2us".</summary>
    internal static long? ParseDuration(string text)
    {
        if (text == "0") return 0;
        var s = text;
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.Length == 0) return null;
        decimal total = 0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            if (i == start || !decimal.TryParse(s[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return null;
            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.') i++;
            long? unit = s[unitStart..i] switch
            {
                "ns" => Nanosecond, "us" or "µs" or "μs" => Microsecond, "ms" => Millisecond, "s" => Second, "m" => Minute, "h" => Hour,
                _ => null,
            };
            if (unit is null) return null;
            total += number * unit.Value;
            if (total > long.MaxValue) return null;
        }

        return (long)(negative ? -total : total);
    }

    /// <summary>Go's Duration.String: "1h2m3.5s", "1.5ms", "0s".</summary>
    internal static string DurationString(long d)
    {
        if (d == 0) return "0s";
        var negative = d < 0;
        var u = negative ? (ulong)(-(d + 1)) + 1 : (ulong)d;
        string text;
        if (u < Second)
        {
            text = u < Microsecond ? $"{u}ns" : u < Millisecond ? Fraction(u, Microsecond) + "µs" : Fraction(u, Millisecond) + "ms";
        }
        else
        {
            var builder = new StringBuilder();
            var hours = u / Hour;
            var minutes = u % Hour / Minute;
            if (hours > 0) builder.Append(hours).Append('h');
            if (hours > 0 || minutes > 0) builder.Append(minutes).Append('m');
            builder.Append(Fraction(u % Minute, Second)).Append('s');
            text = builder.ToString();
        }

        return negative ? "-" + text : text;
    }

    private static string Fraction(ulong value, long unit)
    {
        var whole = value / (ulong)unit;
        var rest = value % (ulong)unit;
        if (rest == 0) return whole.ToString(CultureInfo.InvariantCulture);
        var digits = rest.ToString(CultureInfo.InvariantCulture).PadLeft(unit.ToString(CultureInfo.InvariantCulture).Length - 1, '0').TrimEnd('0');
        return $"{whole}.{digits}";
    }
}
