using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using LlmSpell.Errors;
using LlmSpell.Values;

namespace LlmSpell.Tools.BuiltIn;

/// <summary>
/// The tools every host offers. <see cref="Pure"/> need nothing from the host; <see cref="Create"/>
/// adds those that reach the clock, the network (http_request) and the disk (file_*), under the
/// host's policy.
/// </summary>
public static partial class BuiltInTools
{
    [GeneratedRegex(@"\G(?:\.?(?<key>[^.\[\]]+)|\[(?<index>-?\d+)\])")]
    private static partial Regex PathStep();

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<ISpellTool> Create(BuiltInToolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. Pure, DateTimeTool.Create(options.Time), new HttpRequestTool(options), .. WorkspaceFileTools.Create(options)];
    }

    public static IReadOnlyList<ISpellTool> Pure { get; } =
    [
        new DelegateTool("calculator", "Evaluate an arithmetic expression: + - * / % ^, parentheses, pi, e, sqrt, abs, round, floor, ceil, exp, ln, log10, log2, sin, cos, tan, min, max.",
            DelegateTool.Schema("""{"type":"object","properties":{"expression":{"type":"string","description":"e.g. (2 + 3) * sqrt(16)"}},"required":["expression"],"additionalProperties":false}"""),
            (args, _) => ValueTask.FromResult(Number(ExpressionEvaluator.Evaluate(Text(args, "expression"))))),
        new DelegateTool("text", "Text operations: upper, lower, title, length, split (by separator), count (occurrences of pattern), match and replace (regular expressions, 1 s limit).",
            DelegateTool.Schema("""{"type":"object","properties":{"action":{"enum":["upper","lower","title","length","split","count","match","replace"]},"text":{"type":"string"},"separator":{"type":"string"},"pattern":{"type":"string"},"replacement":{"type":"string"}},"required":["action","text"],"additionalProperties":false}"""),
            (args, _) => ValueTask.FromResult(TextAction(args))),
        new DelegateTool("json_query", "Pick a value out of JSON data by a path like items[0].name (missing paths give null).",
            DelegateTool.Schema("""{"type":"object","properties":{"data":{"description":"the JSON value, or JSON text"},"path":{"type":"string","description":"e.g. items[0].name; empty for the whole value"}},"required":["data","path"],"additionalProperties":false}"""),
            (args, _) => ValueTask.FromResult(Query(args.Get("data") is SpellString text ? SpellJson.Parse(text.Value) : args.Get("data"), Text(args, "path")))),
        new DelegateTool("uuid", "A new random UUID (version 4), or a time-ordered one (version 7).",
            DelegateTool.Schema("""{"type":"object","properties":{"version":{"enum":[4,7]}},"additionalProperties":false}"""),
            (args, _) => ValueTask.FromResult(SpellValue.From((args.Get("version") is SpellInt { Value: 7 } ? Guid.CreateVersion7() : Guid.NewGuid()).ToString()))),
        new DelegateTool("hash", "The SHA-256/384/512 digest of a text's UTF-8 bytes, as hex or base64.",
            DelegateTool.Schema("""{"type":"object","properties":{"text":{"type":"string"},"algorithm":{"enum":["sha256","sha384","sha512"]},"encoding":{"enum":["hex","base64"]}},"required":["text"],"additionalProperties":false}"""),
            (args, _) => ValueTask.FromResult(Hash(args))),
        new DelegateTool("base64", "Encode text to base64 or decode base64 to text (optionally the URL-safe alphabet).",
            DelegateTool.Schema("""{"type":"object","properties":{"action":{"enum":["encode","decode"]},"text":{"type":"string"},"url_safe":{"type":"boolean"}},"required":["action","text"],"additionalProperties":false}"""),
            (args, _) => ValueTask.FromResult(Base64(args))),
    ];

    private static string Text(SpellMap args, string name) => args.Get(name) is SpellString s ? s.Value : "";

    private static SpellValue Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 9e15 ? SpellValue.From((long)value) : SpellValue.From(value);

    private static SpellValue TextAction(SpellMap args)
    {
        var text = Text(args, "text");
        var pattern = args.Get("pattern") as SpellString;
        Regex Pattern() => pattern is null
            ? throw new SpellException(SpellErrorCode.BadArgument, "tool 'text': this action needs 'pattern'")
            : Compile(pattern.Value);
        try
        {
            return Text(args, "action") switch
            {
                "upper" => SpellValue.From(text.ToUpperInvariant()),
                "lower" => SpellValue.From(text.ToLowerInvariant()),
                "title" => SpellValue.From(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(text.ToLowerInvariant())),
                "length" => SpellValue.From(text.EnumerateRunes().Count()),
                "split" => new SpellList(text.Split(args.Get("separator") is SpellString s ? s.Value : " ", StringSplitOptions.None).Select(SpellValue.From)),
                "count" => SpellValue.From(Pattern().Count(text)),
                "match" => new SpellList(Pattern().Matches(text).Select(m => SpellValue.From(m.Value))),
                "replace" => SpellValue.From(Pattern().Replace(text, Text(args, "replacement"))),
                var action => throw new SpellException(SpellErrorCode.BadArgument, $"tool 'text': unknown action '{action}'"),
            };
        }
        catch (RegexMatchTimeoutException)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"tool 'text': the pattern took longer than {RegexTimeout.TotalSeconds:0} s on this text");
        }
    }

    private static Regex Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"tool 'text': bad pattern: {ex.Message}");
        }
    }

    /// <summary>Paths are keys joined by dots, with [n] for list items: <c>items[0].name</c>.</summary>
    internal static SpellValue Query(SpellValue data, string path)
    {
        var current = data;
        var steps = PathStep().Matches(path);
        foreach (Match step in steps)
        {
            current = step.Groups["key"].Success
                ? current is SpellMap map ? map.Get(step.Groups["key"].Value) : SpellValue.Null
                // An index past any list (even past int) reads nothing, as one just past the end does.
                : current is SpellList list && int.TryParse(step.Groups["index"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) && i >= -list.Count && i < list.Count ? list[i < 0 ? list.Count + i : i] : SpellValue.Null;
        }

        var consumed = steps.Sum(m => m.Length);
        return consumed == path.Length
            ? current
            : throw new SpellException(SpellErrorCode.BadArgument, $"tool 'json_query': cannot read the path '{path}' past position {consumed + 1}");
    }

    private static SpellValue Hash(SpellMap args)
    {
        var bytes = Encoding.UTF8.GetBytes(Text(args, "text"));
        var digest = (args.Get("algorithm") as SpellString)?.Value switch
        {
            "sha384" => SHA384.HashData(bytes),
            "sha512" => SHA512.HashData(bytes),
            _ => SHA256.HashData(bytes),
        };
        return SpellValue.From(args.Get("encoding") is SpellString { Value: "base64" } ? Convert.ToBase64String(digest) : Convert.ToHexStringLower(digest));
    }

    private static SpellValue Base64(SpellMap args)
    {
        var urlSafe = args.Get("url_safe") is SpellBool { Value: true };
        var text = Text(args, "text");
        if (Text(args, "action") == "encode")
        {
            var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
            return SpellValue.From(urlSafe ? encoded.TrimEnd('=').Replace('+', '-').Replace('/', '_') : encoded);
        }

        var standard = urlSafe ? text.Replace('-', '+').Replace('_', '/') : text;
        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        try
        {
            return SpellValue.From(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(standard)));
        }
        catch (FormatException)
        {
            throw new SpellException(SpellErrorCode.BadArgument, "tool 'base64': the text is not base64");
        }
        catch (DecoderFallbackException)
        {
            throw new SpellException(SpellErrorCode.BadArgument, "tool 'base64': the decoded bytes are not UTF-8 text");
        }
    }
}
