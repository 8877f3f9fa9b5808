using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LlmSpell.Engines.Tengo.Language.Stdlib;

/// <summary>text: Go's strings and strconv functions, and regular expressions (re_*).</summary>
internal static class TextModule
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static TengoMap Create() => new ModuleBuilder("text")
        .Function("re_match", Guarded((vm, a) => { Arguments.Count(a, 2); return Regex(a, 0) is { } re ? TengoBool.From(re.IsMatch(Arguments.StringLike(a, 1))) : CompileError(a, 0); }))
        .Function("re_find", Guarded((vm, a) => { Arguments.Count(a, 2, 3); return Regex(a, 0) is { } re ? Find(vm, re, Arguments.StringLike(a, 1), a.Length == 3 ? Arguments.Int(a, 2) : 1) : CompileError(a, 0); }))
        .Function("re_replace", Guarded((vm, a) => { Arguments.Count(a, 3); return Regex(a, 0) is { } re ? vm.NewString(re.Replace(Arguments.StringLike(a, 1), Arguments.StringLike(a, 2))) : CompileError(a, 0); }))
        .Function("re_split", Guarded((vm, a) => { Arguments.Count(a, 2, 3); return Regex(a, 0) is { } re ? Split(vm, re, Arguments.StringLike(a, 1), a.Length == 3 ? Arguments.Int(a, 2) : -1) : CompileError(a, 0); }))
        .Function("re_compile", (vm, a) => { Arguments.Count(a, 1); return Regex(a, 0) is { } re ? Compiled(re) : CompileError(a, 0); })
        .Function("compare", (_, a) => { Arguments.Count(a, 2); return TengoInt.From(Math.Sign(string.CompareOrdinal(Arguments.StringLike(a, 0), Arguments.StringLike(a, 1)))); })
        .Function("contains", (_, a) => Test(a, (s, t) => s.Contains(t, StringComparison.Ordinal)))
        .Function("contains_any", (_, a) => Test(a, (s, t) => s.IndexOfAny(t.ToCharArray()) >= 0))
        .Function("count", (_, a) => { Arguments.Count(a, 2); return TengoInt.From(Count(Arguments.StringLike(a, 0), Arguments.StringLike(a, 1))); })
        .Function("equal_fold", (_, a) => Test(a, (s, t) => string.Equals(s, t, StringComparison.OrdinalIgnoreCase)))
        .Function("fields", (vm, a) => { Arguments.Count(a, 1); return Strings(vm, Arguments.StringLike(a, 0).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)); })
        .Function("has_prefix", (_, a) => Test(a, (s, t) => s.StartsWith(t, StringComparison.Ordinal)))
        .Function("has_suffix", (_, a) => Test(a, (s, t) => s.EndsWith(t, StringComparison.Ordinal)))
        .Function("index", (_, a) => { Arguments.Count(a, 2); return TengoInt.From(ByteIndex(Arguments.StringLike(a, 0), Arguments.StringLike(a, 0).IndexOf(Arguments.StringLike(a, 1), StringComparison.Ordinal))); })
        .Function("index_any", (_, a) => { Arguments.Count(a, 2); return TengoInt.From(ByteIndex(Arguments.StringLike(a, 0), Arguments.StringLike(a, 0).IndexOfAny(Arguments.StringLike(a, 1).ToCharArray()))); })
        .Function("join", Join)
        .Function("last_index", (_, a) => { Arguments.Count(a, 2); return TengoInt.From(ByteIndex(Arguments.StringLike(a, 0), Arguments.StringLike(a, 0).LastIndexOf(Arguments.StringLike(a, 1), StringComparison.Ordinal))); })
        .Function("last_index_any", (_, a) => { Arguments.Count(a, 2); return TengoInt.From(ByteIndex(Arguments.StringLike(a, 0), Arguments.StringLike(a, 0).LastIndexOfAny(Arguments.StringLike(a, 1).ToCharArray()))); })
        .Function("repeat", Repeat)
        .Function("replace", Replace)
        .Function("substr", Substr)
        .Function("split", (vm, a) => { Arguments.Count(a, 2); return Strings(vm, SplitN(Arguments.StringLike(a, 0), Arguments.StringLike(a, 1), -1, after: false)); })
        .Function("split_after", (vm, a) => { Arguments.Count(a, 2); return Strings(vm, SplitN(Arguments.StringLike(a, 0), Arguments.StringLike(a, 1), -1, after: true)); })
        .Function("split_n", (vm, a) => { Arguments.Count(a, 3); return Strings(vm, SplitN(Arguments.StringLike(a, 0), Arguments.StringLike(a, 1), Arguments.Int(a, 2), after: false)); })
        .Function("split_after_n", (vm, a) => { Arguments.Count(a, 3); return Strings(vm, SplitN(Arguments.StringLike(a, 0), Arguments.StringLike(a, 1), Arguments.Int(a, 2), after: true)); })
        .Function("title", (vm, a) => Map(vm, a, Title))
        .Function("to_lower", (vm, a) => Map(vm, a, s => s.ToLowerInvariant()))
        .Function("to_title", (vm, a) => Map(vm, a, s => s.ToUpperInvariant()))
        .Function("to_upper", (vm, a) => Map(vm, a, s => s.ToUpperInvariant()))
        .Function("pad_left", (vm, a) => Pad(vm, a, left: true))
        .Function("pad_right", (vm, a) => Pad(vm, a, left: false))
        .Function("trim", (vm, a) => { Arguments.Count(a, 2); return vm.NewString(Arguments.StringLike(a, 0).Trim(Arguments.StringLike(a, 1).ToCharArray())); })
        .Function("trim_left", (vm, a) => { Arguments.Count(a, 2); return vm.NewString(Arguments.StringLike(a, 0).TrimStart(Arguments.StringLike(a, 1).ToCharArray())); })
        .Function("trim_right", (vm, a) => { Arguments.Count(a, 2); return vm.NewString(Arguments.StringLike(a, 0).TrimEnd(Arguments.StringLike(a, 1).ToCharArray())); })
        .Function("trim_prefix", (vm, a) => { Arguments.Count(a, 2); var (s, p) = (Arguments.StringLike(a, 0), Arguments.StringLike(a, 1)); return vm.NewString(p.Length > 0 && s.StartsWith(p, StringComparison.Ordinal) ? s[p.Length..] : s); })
        .Function("trim_suffix", (vm, a) => { Arguments.Count(a, 2); var (s, p) = (Arguments.StringLike(a, 0), Arguments.StringLike(a, 1)); return vm.NewString(p.Length > 0 && s.EndsWith(p, StringComparison.Ordinal) ? s[..^p.Length] : s); })
        .Function("trim_space", (vm, a) => Map(vm, a, s => s.Trim()))
        .Function("atoi", (_, a) =>
        {
            Arguments.Count(a, 1);
            var s = Arguments.StringLike(a, 0);
            return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? TengoInt.From(n) : ParseError("Atoi", s);
        })
        .Function("itoa", (vm, a) => { Arguments.Count(a, 1); return vm.NewString(Arguments.Int(a, 0).ToString(CultureInfo.InvariantCulture)); })
        .Function("format_bool", (vm, a) => { Arguments.Count(a, 1); return vm.NewString(Arguments.Bool(a, 0) ? "true" : "false"); })
        .Function("format_float", FormatFloat)
        .Function("format_int", (vm, a) =>
        {
            Arguments.Count(a, 2);
            var radix = Arguments.Int(a, 1);
            return radix is < 2 or > 36 ? throw new TengoRuntimeException($"invalid base {radix}") : vm.NewString(ToBase(Arguments.StrictInt(a, 0), (int)radix));
        })
        .Function("parse_bool", (_, a) =>
        {
            Arguments.Count(a, 1);
            var s = Arguments.String(a, 0);
            return s switch
            {
                "1" or "t" or "T" or "TRUE" or "true" or "True" => TengoBool.True,
                "0" or "f" or "F" or "FALSE" or "false" or "False" => TengoBool.False,
                _ => ParseError("ParseBool", s),
            };
        })
        .Function("parse_float", (_, a) =>
        {
            Arguments.Count(a, 2);
            var s = Arguments.String(a, 0);
            return Builtins.ToFloat(new TengoString(s)) ?? ParseError("ParseFloat", s);
        })
        .Function("parse_int", (_, a) =>
        {
            Arguments.Count(a, 3);
            var s = Arguments.String(a, 0);
            var radix = Arguments.Int(a, 1);
            long? parsed = radix == 0 ? GoIntegers.Parse(s) : FromBase(s, (int)radix);
            return parsed is { } n ? TengoInt.From(n) : ParseError("ParseInt", s);
        })
        .Function("quote", (vm, a) => { Arguments.Count(a, 1); return vm.NewString(TengoString.Quote(Arguments.StringLike(a, 0))); })
        .Function("unquote", (vm, a) =>
        {
            Arguments.Count(a, 1);
            var s = Arguments.StringLike(a, 0);
            try
            {
                var parsed = Parser.Parse("unquote", s);
                var statements = parsed.Statements.Where(st => st is not EmptyStmt).ToList();
                return statements is [ExprStmt { Expr: StringLit literal }] && s.Trim().Length == s.Length
                    ? vm.NewString(literal.Value)
                    : ParseError("Unquote", s);
            }
            catch (TengoCompileException)
            {
                return ParseError("Unquote", s);
            }
        })
        .Build();

    private static TengoError ParseError(string function, string input) =>
        new(new TengoString($"strconv.{function}: parsing {TengoString.Quote(input)}: invalid syntax"));

    private static TengoObject Test(ReadOnlySpan<TengoObject> a, Func<string, string, bool> test)
    {
        Arguments.Count(a, 2);
        return TengoBool.From(test(Arguments.StringLike(a, 0), Arguments.StringLike(a, 1)));
    }

    private static TengoObject Map(TengoVm vm, ReadOnlySpan<TengoObject> a, Func<string, string> map)
    {
        Arguments.Count(a, 1);
        return vm.NewString(map(Arguments.StringLike(a, 0)));
    }

    // Each part is charged as it is made: a split into millions of parts costs what they take.
    private static TengoArray Strings(TengoVm vm, IEnumerable<string> items) => vm.NewArray(items.Select(s => (TengoObject)vm.NewString(s)).ToList());

    /// <summary>Go counts string positions in bytes; a UTF-16 index becomes the byte index of the same place.</summary>
    private static int ByteIndex(string text, int index) => index <= 0 ? index : Encoding.UTF8.GetByteCount(text.AsSpan(0, index));

    private static int Count(string s, string sub)
    {
        if (sub.Length == 0) return s.EnumerateRunes().Count() + 1;
        var count = 0;
        for (var i = s.IndexOf(sub, StringComparison.Ordinal); i >= 0; i = s.IndexOf(sub, i + sub.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>Go's SplitN/SplitAfterN, part by part, so each part is charged before the next is made.</summary>
    private static IEnumerable<string> SplitN(string s, string separator, long n, bool after)
    {
        if (n == 0) yield break;
        long count = 0;
        if (separator.Length == 0)
        {
            var consumed = 0;
            foreach (var rune in s.EnumerateRunes())
            {
                if (n > 0 && count == n - 1)
                {
                    break;
                }

                count++;
                consumed += rune.Utf16SequenceLength;
                yield return rune.ToString();
            }

            if (consumed < s.Length) yield return s[consumed..];
            yield break;
        }

        var start = 0;
        while (n < 0 || count < n - 1)
        {
            var at = s.IndexOf(separator, start, StringComparison.Ordinal);
            if (at < 0) break;
            count++;
            yield return s[start..(after ? at + separator.Length : at)];
            start = at + separator.Length;
        }

        yield return s[start..];
    }

    private static TengoObject Join(TengoVm vm, ReadOnlySpan<TengoObject> a)
    {
        Arguments.Count(a, 2);
        var array = Arguments.Array(a, 0);
        var separator = Arguments.StringLike(a, 1);
        var parts = new List<string>(array.Count);
        foreach (var item in array.AsSpan())
        {
            parts.Add(item is TengoString s ? s.Value : throw Arguments.InvalidType(0, "array of strings", item));
        }

        var length = parts.Sum(p => (long)p.Length) + (long)separator.Length * Math.Max(0, parts.Count - 1);
        vm.CheckSize(length, "text.join result");
        return vm.NewString(string.Join(separator, parts));
    }

    private static TengoObject Repeat(TengoVm vm, ReadOnlySpan<TengoObject> a)
    {
        Arguments.Count(a, 2);
        var s = Arguments.StringLike(a, 0);
        var n = Arguments.Int(a, 1);
        if (n < 0) throw new TengoRuntimeException("negative repeat count");
        vm.CheckSize(s.Length * n, "text.repeat result");
        return vm.NewString(new StringBuilder(s.Length * (int)n).Insert(0, s, (int)n).ToString());
    }

    private static TengoObject Replace(TengoVm vm, ReadOnlySpan<TengoObject> a)
    {
        Arguments.Count(a, 4);
        var (s, old, replacement, n) = (Arguments.StringLike(a, 0), Arguments.StringLike(a, 1), Arguments.StringLike(a, 2), Arguments.Int(a, 3));
        if (n < 0 && old.Length > 0)
        {
            var count = Count(s, old);
            vm.CheckSize(s.Length + (long)count * (replacement.Length - old.Length), "text.replace result");
            return vm.NewString(s.Replace(old, replacement, StringComparison.Ordinal));
        }

        var builder = new StringBuilder();
        var start = 0;
        var done = 0;
        while (n < 0 || done < n)
        {
            var at = old.Length == 0 ? (done == 0 ? 0 : start < s.Length ? start + 1 : -1) : s.IndexOf(old, start, StringComparison.Ordinal);
            if (at < 0) break;
            builder.Append(s, start, at - start).Append(replacement);
            start = at + old.Length;
            done++;
            vm.CheckSize(builder.Length, "text.replace result");
        }

        return vm.NewString(builder.Append(s, start, s.Length - start).ToString());
    }

    // The reference's bounds rule: low > high is an error, then both are clamped to the string.
    // Positions count code points (the reference counts bytes; ours are the same for ASCII, and a
    // cut through a UTF-8 sequence could not be a string here).
    private static TengoObject Substr(TengoVm vm, ReadOnlySpan<TengoObject> a)
    {
        Arguments.Count(a, 2, 3);
        var runes = new TengoString(Arguments.StringLike(a, 0)).Runes;
        var low = Arguments.Int(a, 1);
        var high = a.Length == 3 ? Arguments.Int(a, 2) : runes.Length;
        if (low > high)
        {
            throw new TengoRuntimeException($"invalid index: {low} > {high}");
        }

        var from = (int)Math.Clamp(low, 0, runes.Length);
        var to = (int)Math.Clamp(high, 0, runes.Length);
        var builder = new StringBuilder();
        for (var i = from; i < to; i++) builder.Append(TengoChar.AsText(runes[i]));
        return vm.NewString(builder.ToString());
    }

    private static string Title(string s)
    {
        var builder = new StringBuilder(s.Length);
        var atWordStart = true;
        foreach (var c in s)
        {
            builder.Append(atWordStart ? char.ToUpperInvariant(c) : c);
            atWordStart = !char.IsLetterOrDigit(c) && c != '_' && c != '\'';
        }

        return builder.ToString();
    }

    // As the reference: the pad repeats whole, and the padded string is cut to the width from the
    // far side (pad_left("ab", 7, "+-") is "-+-+-ab", pad_right gives "ab+-+-+").
    private static TengoObject Pad(TengoVm vm, ReadOnlySpan<TengoObject> a, bool left)
    {
        Arguments.Count(a, 2, 3);
        var s = Arguments.StringLike(a, 0);
        var width = Arguments.Int(a, 1);
        vm.CheckSize(width, "padded string");
        var pad = a.Length == 3 ? Arguments.StringLike(a, 2) : " ";
        if (pad.Length == 0 || s.Length >= width) return vm.NewString(s);
        var fill = new StringBuilder((int)width + pad.Length);
        while (fill.Length < width - s.Length) fill.Append(pad);
        return vm.NewString(left
            ? fill.Append(s).ToString()[^(int)width..]
            : s + fill.ToString(0, (int)width - s.Length));
    }

    private static TengoObject FormatFloat(TengoVm vm, ReadOnlySpan<TengoObject> a)
    {
        Arguments.Count(a, 4);
        var value = Arguments.StrictFloat(a, 0);
        var format = Arguments.StringLike(a, 1);
        var precision = Arguments.Int(a, 2);
        if (format.Length != 1) throw new TengoRuntimeException($"invalid float format '{format}'");
        var text = precision < 0 && format is "f"
            ? TengoFloat.Format(value)
            : TengoFormat.Format("%" + (precision >= 0 ? "." + precision.ToString(CultureInfo.InvariantCulture) : "") + format, [new TengoFloat(value)]);
        return vm.NewString(text);
    }

    private static string ToBase(long value, int radix)
    {
        if (value == 0) return "0";
        var negative = value < 0;
        var magnitude = negative ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        var digits = new StringBuilder();
        while (magnitude > 0)
        {
            digits.Insert(0, "0123456789abcdefghijklmnopqrstuvwxyz"[(int)(magnitude % (ulong)radix)]);
            magnitude /= (ulong)radix;
        }

        return negative ? "-" + digits : digits.ToString();
    }

    private static long? FromBase(string s, int radix)
    {
        if (radix is < 2 or > 36 || s.Length == 0) return null;
        var negative = s[0] == '-';
        var i = s[0] is '-' or '+' ? 1 : 0;
        if (i == s.Length) return null;
        decimal value = 0;
        for (; i < s.Length; i++)
        {
            var digit = "0123456789abcdefghijklmnopqrstuvwxyz".IndexOf(char.ToLowerInvariant(s[i]), StringComparison.Ordinal);
            if (digit < 0 || digit >= radix) return null;
            value = value * radix + digit;
            if (value > (decimal)long.MaxValue + 1) return null;
        }

        value = negative ? -value : value;
        return value is >= long.MinValue and <= long.MaxValue ? (long)value : null;
    }

    // ---- Regular expressions ----

    private static Regex? Regex(ReadOnlySpan<TengoObject> a, int index)
    {
        try
        {
            // Go's regexp is RE2: linear time, no backreferences or lookaround. .NET's non-backtracking
            // engine has the same contract, so no pattern can take exponential time here either.
            // RE2 spells named groups (?P<name>…); .NET reads (?<name>…).
            var pattern = Arguments.StringLike(a, index).Replace("(?P<", "(?<", StringComparison.Ordinal);
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, RegexTimeout);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static TengoError CompileError(ReadOnlySpan<TengoObject> a, int index) =>
        new(new TengoString($"error parsing regexp: {TengoString.Quote(Arguments.StringLike(a, index))}"));

    /// <summary>A regular expression that runs too long stops the run, as a runaway loop would.</summary>
    private static TengoNativeFunction Guarded(TengoNativeFunction function) => (vm, a) =>
    {
        try
        {
            return function(vm, a);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new TengoLimitException(TengoLimit.Timeout, $"a regular expression ran longer than {RegexTimeout.TotalSeconds:0} s");
        }
    };

    private static TengoObject Find(TengoVm vm, Regex re, string text, long count)
    {
        var results = new List<TengoObject>();
        for (var match = re.Match(text); match.Success && (count < 0 || results.Count < count); match = match.NextMatch())
        {
            var groups = new List<TengoObject>();
            // As the reference: one immutable map per group that took part; the others are left out.
            foreach (Group group in match.Groups)
            {
                if (!group.Success) continue;
                groups.Add(vm.NewMap(
                    new Dictionary<string, TengoObject>(StringComparer.Ordinal)
                    {
                        ["text"] = new TengoString(group.Value),
                        ["begin"] = TengoInt.From(ByteIndex(text, group.Index)),
                        ["end"] = TengoInt.From(ByteIndex(text, group.Index + group.Length)),
                    },
                    immutable: true));
            }

            results.Add(vm.NewArray(groups));
        }

        return results.Count == 0 ? TengoUndefined.Instance : vm.NewArray(results);
    }

    private static TengoArray Split(TengoVm vm, Regex re, string text, long count) =>
        count == 0 ? vm.NewArray([]) : Strings(vm, re.Split(text, count < 0 ? int.MaxValue : (int)Math.Min(count, int.MaxValue)));

    private static TengoMap Compiled(Regex re) => new ModuleBuilder("regexp")
        .Function("match", Guarded((vm, a) => { Arguments.Count(a, 1); return TengoBool.From(re.IsMatch(Arguments.StringLike(a, 0))); }))
        .Function("find", Guarded((vm, a) => { Arguments.Count(a, 1, 2); return Find(vm, re, Arguments.StringLike(a, 0), a.Length == 2 ? Arguments.Int(a, 1) : 1); }))
        .Function("replace", Guarded((vm, a) => { Arguments.Count(a, 2); return vm.NewString(re.Replace(Arguments.StringLike(a, 0), Arguments.StringLike(a, 1))); }))
        .Function("split", Guarded((vm, a) => { Arguments.Count(a, 1, 2); return Split(vm, re, Arguments.StringLike(a, 0), a.Length == 2 ? Arguments.Int(a, 1) : -1); }))
        .Build();
}
