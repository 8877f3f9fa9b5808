using System.Globalization;

namespace LlmSpell.Engines.Tengo.Language.Stdlib;

/// <summary>
/// times.parse as Go's <c>time.Parse</c> reads a layout: element by element, to the nanosecond, with
/// Go's leniencies (a fractional second after the seconds even when the layout has none, runs of
/// spaces alike, names in any case) and Go's error messages. Offsets are applied, so the result is UTC.
/// </summary>
internal sealed class GoTimeParser
{
    private static readonly string[] LongMonths = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];
    private static readonly string[] ShortMonths = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[..12];
    private static readonly string[] LongDays = CultureInfo.InvariantCulture.DateTimeFormat.DayNames;
    private static readonly string[] ShortDays = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedDayNames;

    private readonly string _layout;
    private readonly string _text;
    private int _at;

    // Go's zero time is year 0, which DateTime cannot hold: a layout without a year gives year 1.
    private int _year = 1;
    private int _month = 1;
    private int _day = 1;
    private int _yearDay = -1;
    private int _hour;
    private int _minute;
    private int _second;
    private long _nanosecond;
    private int _offsetSeconds;
    private bool? _pm;

    private GoTimeParser(string layout, string text) => (_layout, _text) = (layout, text);

    /// <summary>The time <paramref name="text"/> describes in <paramref name="layout"/>, or Go's message for why it does not.</summary>
    public static (TengoTime? Time, string? Error) Parse(string layout, string text) => new GoTimeParser(layout, text).Run();

    private (TengoTime?, string?) Run()
    {
        var parts = GoTimeLayout.Split(_layout);
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var start = _at;
            var ok = part.IsLiteral ? SkipLiteral(part.Text) : ReadElement(part, i + 1 < parts.Count ? parts[i + 1] : default);
            if (ok is false)
            {
                return (null, $"parsing time {Quote(_text)} as {Quote(_layout)}: cannot parse {Quote(_text[start..])} as {Quote(part.Text)}");
            }

            if (ok is null)
            {
                return (null, $"parsing time {Quote(_text)}: {RangeError(part.Text)} out of range");
            }
        }

        if (_at < _text.Length)
        {
            return (null, $"parsing time {Quote(_text)}: extra text: {Quote(_text[_at..])}");
        }

        return Build();
    }

    private (TengoTime?, string?) Build()
    {
        if (_pm is { } pm)
        {
            if (_hour > 12) return (null, $"parsing time {Quote(_text)}: hour out of range");
            if (pm && _hour < 12) _hour += 12;
            else if (!pm && _hour == 12) _hour = 0;
        }

        if (_yearDay >= 0)
        {
            var days = DateTime.IsLeapYear(_year) ? 366 : 365;
            if (_yearDay < 1 || _yearDay > days) return (null, $"parsing time {Quote(_text)}: day-of-year out of range");
            var date = new DateTime(_year, 1, 1).AddDays(_yearDay - 1);
            (_month, _day) = (date.Month, date.Day);
        }

        if (_day < 1 || _day > DateTime.DaysInMonth(_year, _month))
        {
            return (null, $"parsing time {Quote(_text)}: day out of range");
        }

        var local = new DateTime(_year, _month, _day, _hour, _minute, _second, DateTimeKind.Utc);
        var utc = (decimal)local.Ticks - _offsetSeconds * (decimal)TimeSpan.TicksPerSecond;
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks - TimeSpan.TicksPerSecond)
        {
            return (null, $"parsing time {Quote(_text)}: time out of range");
        }

        return (new TengoTime(new DateTime((long)utc, DateTimeKind.Utc)).Add(_nanosecond), null);
    }

    // Go's skip: the literal must match, except that a run of spaces matches any run of spaces.
    private bool SkipLiteral(string literal)
    {
        var i = 0;
        while (i < literal.Length)
        {
            if (literal[i] == ' ')
            {
                if (_at < _text.Length && _text[_at] != ' ') return false;
                while (i < literal.Length && literal[i] == ' ') i++;
                while (_at < _text.Length && _text[_at] == ' ') _at++;
                continue;
            }

            if (_at >= _text.Length || _text[_at] != literal[i]) return false;
            i++;
            _at++;
        }

        return true;
    }

    /// <summary>True when read, false when the text does not fit the element, null when it fits but is out of range.</summary>
    private bool? ReadElement(GoTimeLayout.Part part, GoTimeLayout.Part next)
    {
        switch (part.Text)
        {
            case "2006":
                if (!Digits(4, 4, out _year)) return false;
                return _year >= 1 ? true : null;
            case "06":
                if (!Digits(2, 2, out var shortYear)) return false;
                _year = shortYear + (shortYear >= 69 ? 1900 : 2000);
                return true;
            case "January":
                return Name(LongMonths, out _month);
            case "Jan":
                return Name(ShortMonths, out _month);
            case "Monday":
                return Name(LongDays, out _);
            case "Mon":
                return Name(ShortDays, out _);
            case "01" or "1":
                if (!Digits(part.Text == "01" ? 2 : 1, 2, out _month)) return false;
                return _month is >= 1 and <= 12 ? true : null;
            case "02" or "_2" or "2":
                if (part.Text == "_2" && _at < _text.Length && _text[_at] == ' ') _at++;
                if (!Digits(part.Text == "02" ? 2 : 1, 2, out _day)) return false;
                return _day is >= 1 and <= 31 ? true : null;
            case "002" or "__2":
                if (part.Text == "__2") while (_at < _text.Length && _text[_at] == ' ') _at++;
                if (!Digits(part.Text == "002" ? 3 : 1, 3, out _yearDay)) return false;
                return _yearDay is >= 1 and <= 366 ? true : null;
            case "15":
                if (!Digits(1, 2, out _hour)) return false;
                return _hour < 24 ? true : null;
            case "03" or "3":
                if (!Digits(part.Text == "03" ? 2 : 1, 2, out _hour)) return false;
                return _hour <= 12 ? true : null;
            case "04" or "4":
                if (!Digits(part.Text == "04" ? 2 : 1, 2, out _minute)) return false;
                return _minute < 60 ? true : null;
            case "05" or "5":
                if (!Digits(part.Text == "05" ? 2 : 1, 2, out _second)) return false;
                if (_second >= 60) return null;
                // Go reads a fraction after the seconds even when the layout has none, unless the layout's own comes next.
                if (!next.IsFraction && _at + 1 < _text.Length && _text[_at] is ('.' or ',') && char.IsAsciiDigit(_text[_at + 1]))
                {
                    _at++;
                    ReadFraction(int.MaxValue);
                }

                return true;
            case "PM" or "pm":
                return Meridiem(part.Text == "PM" ? "PM" : "pm", part.Text == "PM" ? "AM" : "am");
            case "MST":
                return ZoneName();
            case "Z07:00" or "Z0700" or "Z07":
                if (_at < _text.Length && _text[_at] == 'Z')
                {
                    _at++;
                    return true;
                }

                return Offset(part.Text[1..]);
            case "-07:00" or "-0700" or "-07":
                return Offset(part.Text);
            default:
                return Fraction(part);
        }
    }

    private bool Fraction(GoTimeLayout.Part part)
    {
        var hasFraction = _at + 1 < _text.Length && _text[_at] is ('.' or ',') && char.IsAsciiDigit(_text[_at + 1]);
        if (!part.IsFixedFraction)
        {
            // .999: optional, any number of digits.
            if (hasFraction)
            {
                _at++;
                ReadFraction(int.MaxValue);
            }

            return true;
        }

        var count = part.Text.Length - 1;
        if (!hasFraction || _text.Length - _at - 1 < count) return false;
        _at++;
        return ReadFraction(count) == count;
    }

    /// <summary>Reads up to <paramref name="most"/> digits as the fraction of a second (beyond nine, digits count but are dropped, as Go does).</summary>
    private int ReadFraction(int most)
    {
        var read = 0;
        long nanos = 0;
        while (read < most && _at < _text.Length && char.IsAsciiDigit(_text[_at]))
        {
            if (read < 9) nanos = nanos * 10 + (_text[_at] - '0');
            read++;
            _at++;
        }

        for (var i = read; i < 9; i++) nanos *= 10;
        _nanosecond = nanos;
        return read;
    }

    private bool Digits(int fewest, int most, out int value)
    {
        value = 0;
        var read = 0;
        while (read < most && _at < _text.Length && char.IsAsciiDigit(_text[_at]))
        {
            value = value * 10 + (_text[_at] - '0');
            read++;
            _at++;
        }

        return read >= fewest;
    }

    private bool Name(string[] names, out int number)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Compare(_text, _at, names[i], 0, names[i].Length, StringComparison.OrdinalIgnoreCase) == 0 && _text.Length - _at >= names[i].Length)
            {
                _at += names[i].Length;
                number = i + 1;
                return true;
            }
        }

        number = 0;
        return false;
    }

    private bool Meridiem(string pm, string am)
    {
        if (string.CompareOrdinal(_text, _at, pm, 0, 2) == 0) _pm = true;
        else if (string.CompareOrdinal(_text, _at, am, 0, 2) == 0) _pm = false;
        else return false;
        _at += 2;
        return true;
    }

    // A zone abbreviation: UTC, GMT or three to five capitals. Times are UTC, so an abbreviation
    // Go would not know either carries no offset (Go gives such a zone offset 0 too).
    private bool ZoneName()
    {
        var end = _at;
        while (end < _text.Length && end - _at < 5 && char.IsAsciiLetterUpper(_text[end])) end++;
        if (end - _at < 3) return false;
        _at = end;
        return true;
    }

    // "-07:00", "-0700" or "-07": a sign, hours, and minutes unless the form has none.
    private bool? Offset(string form)
    {
        if (_at >= _text.Length || _text[_at] is not ('+' or '-')) return false;
        var sign = _text[_at++] == '-' ? -1 : 1;
        if (!Digits(2, 2, out var hours)) return false;
        var minutes = 0;
        if (form.Length > 3)
        {
            if (form.Contains(':', StringComparison.Ordinal) && (_at >= _text.Length || _text[_at++] != ':')) return false;
            if (!Digits(2, 2, out minutes)) return false;
        }

        if (hours > 24 || minutes > 59) return null;
        _offsetSeconds = sign * (hours * 3600 + minutes * 60);
        return true;
    }

    private static string RangeError(string element) => element switch
    {
        "2006" or "06" => "year",
        "January" or "Jan" or "01" or "1" => "month",
        "02" or "_2" or "2" => "day",
        "002" or "__2" => "day-of-year",
        "15" or "03" or "3" => "hour",
        "04" or "4" => "minute",
        "05" or "5" => "second",
        _ => "time zone offset",
    };

    private static string Quote(string text) => TengoString.Quote(text);
}
