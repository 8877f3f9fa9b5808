using System.Globalization;
using System.Text.RegularExpressions;

namespace LlmSpell.Errors;

/// <summary>A failure as the script author sees it: a stable code, a message, and where it happened.</summary>
public sealed partial record SpellError(string Code, string Message, SpellLocation? Location = null, string? ScriptStack = null)
{
    public bool IsLimit => SpellErrorCode.IsLimit(Code);

    public override string ToString() => Location is null ? $"{Code}: {Message}" : $"{Location}: {Code}: {Message}";

    /// <summary>
    /// Reads back what <see cref="ToString"/> wrote (<c>file:line:column: code: message</c>), as an
    /// error that crossed a process boundary as text arrives (a durable step's failure); null when
    /// <paramref name="text"/> has another shape.
    /// </summary>
    public static SpellError? Parse(string? text)
    {
        if (text is null || Written().Match(text) is not { Success: true } match)
        {
            return null;
        }

        var location = match.Groups["file"].Success
            ? new SpellLocation(match.Groups["file"].Value, int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
                match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture) : 0)
            : null;
        return new SpellError(match.Groups["code"].Value, match.Groups["message"].Value, location);
    }

    [GeneratedRegex(@"\A(?:(?<file>.+?):(?<line>\d+)(?::(?<column>\d+))?: )?(?<code>[a-z][a-z_]*): (?<message>.*)\z", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Written();
}
