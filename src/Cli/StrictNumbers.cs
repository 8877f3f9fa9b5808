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

    /// <summary>A parser for a whole number from <paramref name="min"/> to <paramref name="max"/>; "1e6" and "1,000" are errors, "1_000_000" is fine.</summary>
    public static Func<ArgumentResult, long?> WholeNumber(long min, long max, string unit) => result =>
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }
        var name = (result.Parent as OptionResult)?.Option.Name ?? "the option";
        result.AddError($"{name} takes a whole number of {unit} from {min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)}, not '{text}'");
        return null;
    };
}
