using System.CommandLine.Parsing;
using System.Globalization;

namespace LlmSpell.Cli;

/// <summary>
/// Numbers on the command line as a user means them: "1.5" is one and a half, and "1,5" is an
/// error, not fifteen (the default parser accepts thousands separators).
/// </summary>
internal static class StrictNumbers
{
    public static double? Seconds(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
        {
            return seconds;
        }
        result.AddError($"{(result.Parent as OptionResult)?.Option.Name ?? "the option"} takes a number of seconds such as 30 or 1.5, not '{text}'");
        return null;
    }
}
