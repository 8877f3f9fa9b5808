using System.Globalization;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Testing;

/// <summary>
/// A hostile script and the documented way it must end, read from comment lines at its top:
/// <code>
/// -- expect: memory_limit                    (the error code; '|' separates accepted codes)
/// -- expect: runtime_error global 'io'       (code, then a fragment of the message)
/// -- expect: result {"a":1}                  (it must run and return exactly this)
/// -- limits: timeout_ms=1000                 (overrides of the tight attack limits)
/// </code>
/// </summary>
public sealed record AttackScript(string Name, string Source, IReadOnlyList<string> Codes, string? MessageFragment, SpellValue? Result, SandboxLimits Limits)
{
    public static IEnumerable<AttackScript> Load(string folder) =>
        Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Select(Parse);

    public static AttackScript Parse(string path)
    {
        var source = File.ReadAllText(path);
        string[] codes = [];
        string? fragment = null;
        SpellValue? result = null;
        var limits = SpellTestHost.TightLimits;
        foreach (var line in source.Split('\n').Take(5))
        {
            var text = line.TrimStart('-', '/', ' ').TrimEnd('\r');
            if (text.StartsWith("expect: result ", StringComparison.Ordinal))
            {
                result = SpellJson.Parse(text["expect: result ".Length..]);
            }
            else if (text.StartsWith("expect: ", StringComparison.Ordinal))
            {
                var parts = text["expect: ".Length..].Split(' ', 2);
                codes = parts[0].Split('|');
                fragment = parts.Length > 1 ? parts[1] : null;
            }
            else if (text.StartsWith("limits: ", StringComparison.Ordinal))
            {
                foreach (var setting in text["limits: ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var (key, value) = (setting.Split('=')[0], long.Parse(setting.Split('=')[1], CultureInfo.InvariantCulture));
                    limits = key switch
                    {
                        "timeout_ms" => limits with { Timeout = TimeSpan.FromMilliseconds(value) },
                        "grace_ms" => limits with { AbandonGrace = TimeSpan.FromMilliseconds(value) },
                        "max_instructions" => limits with { MaxInstructions = value },
                        _ => throw new FormatException($"{path}: unknown limit {key}"),
                    };
                }
            }
        }

        if (codes.Length == 0 && result is null)
        {
            throw new FormatException($"{path}: no 'expect:' line in its first five lines");
        }

        return new AttackScript(Path.GetFileName(path), source, codes, fragment, result, limits);
    }

    /// <summary>Null when the outcome is the documented one; otherwise what went wrong.</summary>
    public string? Check(SpellOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (Result is not null)
        {
            if (outcome.Result.Error is { } unexpected) return $"{Name}: expected result {Result}, got error {unexpected}";
            var actual = SpellJson.Parse(SpellJson.Serialize(outcome.Result.Value));
            return actual.Equals(Result) ? null : $"{Name}: expected result {Result}, got {actual}";
        }

        if (outcome.Result.Error is not { } error) return $"{Name}: expected {string.Join("|", Codes)}, but it returned {outcome.Result.Value}";
        if (!Codes.Contains(error.Code)) return $"{Name}: expected {string.Join("|", Codes)}, got {error}";
        if (MessageFragment is not null && !error.Message.Contains(MessageFragment, StringComparison.Ordinal)) return $"{Name}: expected a message containing \"{MessageFragment}\", got {error}";
        return null;
    }

    public override string ToString() => Name;
}
