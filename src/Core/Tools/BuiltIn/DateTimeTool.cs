using System.Globalization;
using LlmSpell.Errors;
using LlmSpell.Values;

namespace LlmSpell.Tools.BuiltIn;

/// <summary><c>datetime</c>: now, parse, format, add and diff, in any IANA time zone; times are ISO 8601 text.</summary>
public static class DateTimeTool
{
    public static ISpellTool Create(TimeProvider time) => new DelegateTool("datetime",
        "Dates and times: now, parse, format (.NET format string), add (amount of unit) and diff (other - value, in unit), in an IANA time zone (default UTC). Times are ISO 8601.",
        DelegateTool.Schema("""
            {"type":"object","properties":{
              "action":{"enum":["now","parse","format","add","diff"]},
              "value":{"type":"string"},"other":{"type":"string"},
              "time_zone":{"type":"string","description":"e.g. Europe/Paris"},
              "format":{"type":"string","description":"e.g. yyyy-MM-dd HH:mm"},
              "amount":{"type":"number"},
              "unit":{"enum":["milliseconds","seconds","minutes","hours","days","weeks","months","years"]}},
             "required":["action"],"additionalProperties":false}
            """),
        (args, _) => ValueTask.FromResult(Run(args, time)));

    private static SpellValue Run(SpellMap args, TimeProvider time)
    {
        var zone = Zone(args.Get("time_zone") as SpellString);
        DateTimeOffset Value(string field) => args.Get(field) is SpellString text
            ? Parse(text.Value, zone)
            : throw new SpellException(SpellErrorCode.BadArgument, $"tool 'datetime': this action needs '{field}'");
        string Unit() => args.Get("unit") is SpellString unit ? unit.Value : throw new SpellException(SpellErrorCode.BadArgument, "tool 'datetime': this action needs 'unit'");

        var action = ((SpellString)args["action"]).Value;
        return action switch
        {
            "now" => Iso(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone)),
            "parse" => Iso(Value("value")),
            "format" => SpellValue.From(Value("value").ToString(args.Get("format") is SpellString f ? f.Value : "O", CultureInfo.InvariantCulture)),
            "add" => Iso(Add(Value("value"), args.Get("amount") switch { SpellInt i => i.Value, SpellFloat d => d.Value, _ => throw new SpellException(SpellErrorCode.BadArgument, "tool 'datetime': add needs 'amount'") }, Unit(), zone)),
            "diff" => Diff(Value("value"), Value("other"), Unit()),
            _ => throw new SpellException(SpellErrorCode.BadArgument, $"tool 'datetime': unknown action '{action}'"),
        };
    }

    private static TimeZoneInfo Zone(SpellString? name)
    {
        if (name is null) return TimeZoneInfo.Utc;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name.Value);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"tool 'datetime': unknown time zone '{name.Value}' (use IANA names such as Europe/Paris)");
        }
    }

    /// <summary>Text with an offset keeps it (then converts); text without one is read as local time in the zone.</summary>
    private static DateTimeOffset Parse(string text, TimeZoneInfo zone)
    {
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"tool 'datetime': cannot read '{text}' as a date/time (ISO 8601 works best)");
        }

        var hasOffset = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && (text.Contains('Z', StringComparison.OrdinalIgnoreCase) || text.LastIndexOfAny(['+', '-']) > 9);
        return hasOffset
            ? TimeZoneInfo.ConvertTime(withOffset, zone)
            : new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified), zone.GetUtcOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified)));
    }

    private static DateTimeOffset Add(DateTimeOffset value, double amount, string unit, TimeZoneInfo zone)
    {
        // Calendar units move the wall clock; the zone then gives the offset of the new moment.
        DateTimeOffset Local(DateTime wall) => new(wall, zone.GetUtcOffset(wall));
        return unit switch
        {
            "milliseconds" => value.AddMilliseconds(amount),
            "seconds" => value.AddSeconds(amount),
            "minutes" => value.AddMinutes(amount),
            "hours" => value.AddHours(amount),
            "days" => Local(value.DateTime.AddDays(amount)),
            "weeks" => Local(value.DateTime.AddDays(amount * 7)),
            "months" => Local(value.DateTime.AddMonths(Whole(amount))),
            "years" => Local(value.DateTime.AddYears(Whole(amount))),
            _ => throw new SpellException(SpellErrorCode.BadArgument, $"tool 'datetime': unknown unit '{unit}'"),
        };
    }

    private static int Whole(double amount) => amount == Math.Floor(amount) && Math.Abs(amount) < 100_000
        ? (int)amount
        : throw new SpellException(SpellErrorCode.BadArgument, "tool 'datetime': months and years must be whole numbers");

    private static SpellValue Diff(DateTimeOffset value, DateTimeOffset other, string unit)
    {
        var span = other - value;
        double result = unit switch
        {
            "milliseconds" => span.TotalMilliseconds,
            "seconds" => span.TotalSeconds,
            "minutes" => span.TotalMinutes,
            "hours" => span.TotalHours,
            "days" => span.TotalDays,
            "weeks" => span.TotalDays / 7,
            "months" => ((other.Year - value.Year) * 12) + other.Month - value.Month,
            "years" => other.Year - value.Year,
            _ => throw new SpellException(SpellErrorCode.BadArgument, $"tool 'datetime': unknown unit '{unit}'"),
        };
        return result == Math.Floor(result) ? SpellValue.From((long)result) : SpellValue.From(result);
    }

    private static SpellValue Iso(DateTimeOffset value) => SpellValue.From(value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
}
