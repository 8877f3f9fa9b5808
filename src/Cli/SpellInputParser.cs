using LlmSpell.Errors;
using LlmSpell.Values;

namespace LlmSpell.Cli;

/// <summary>
/// Builds the spell's <c>input</c> from the command line: <c>--input-json FILE</c> (an object; <c>-</c> is
/// stdin) overlaid by <c>--input key=text</c> (a string) and <c>--input key:=json</c> (any JSON value).
/// </summary>
public static class SpellInputParser
{
    public static async Task<SpellMap> ParseAsync(IReadOnlyList<string> pairs, string? jsonFile, TextReader stdin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var entries = new OrderedDictionary<string, SpellValue>(StringComparer.Ordinal);
        if (jsonFile is not null)
        {
            string text;
            try
            {
                text = jsonFile == "-" ? await stdin.ReadToEndAsync(cancellationToken).ConfigureAwait(false) : await File.ReadAllTextAsync(jsonFile, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new SpellException(SpellErrorCode.BadArgument, $"--input-json: cannot read {jsonFile}: {ex.Message}");
            }

            SpellValue parsed;
            try
            {
                parsed = SpellJson.Parse(text);
            }
            catch (SpellException ex)
            {
                throw new SpellException(SpellErrorCode.BadArgument, $"--input-json {jsonFile}: {ex.Message}");
            }

            if (parsed is not SpellMap map)
            {
                throw new SpellException(SpellErrorCode.BadArgument, $"--input-json {jsonFile}: must hold a JSON object, not a {SpellValue.TypeName(parsed.Kind)}");
            }

            foreach (var (key, value) in map)
            {
                entries[key] = value;
            }
        }

        foreach (var pair in pairs)
        {
            var (key, value) = ParsePair(pair);
            entries[key] = value;
        }

        return new SpellMap(entries);
    }

    private static (string Key, SpellValue Value) ParsePair(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"--input '{pair}': expected key=text or key:=json");
        }

        if (pair[equals - 1] == ':' && equals > 1)
        {
            var key = pair[..(equals - 1)];
            try
            {
                return (key, SpellJson.Parse(pair[(equals + 1)..]));
            }
            catch (SpellException ex)
            {
                throw new SpellException(SpellErrorCode.BadArgument, $"--input {key}:=…: {ex.Message}");
            }
        }

        return (pair[..equals], SpellValue.From(pair[(equals + 1)..]));
    }
}
