using LlmSpell.Errors;

namespace LlmSpell.Artifacts;

/// <summary>
/// An artifact name is a relative path of plain segments (<c>reports/2026-12/digest.md</c>): letters,
/// digits, '-', '_' and '.', no segment that is empty, '.' or '..', or starts with '.'. So a name can
/// never reach outside its spell's prefix, on disk or in a container.
/// </summary>
public static class ArtifactNames
{
    public const int MaxLength = 256;

    /// <exception cref="SpellException">With code <c>bad_argument</c> saying what is wrong with the name.</exception>
    public static string Validate(string name, string function, bool isPrefix = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (isPrefix && name.Length == 0)
        {
            return name;
        }
        if (name.Length is 0 or > MaxLength)
        {
            throw Bad(function, name, $"must be 1 to {MaxLength} characters");
        }
        var segments = name.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0 && isPrefix && i == segments.Length - 1)
            {
                continue; // "reports/" lists a folder.
            }
            if (segment.Length == 0 || segment[0] == '.')
            {
                throw Bad(function, name, "has an empty segment or one starting with '.' (no '/', '..' or hidden names at its ends)");
            }
            if (!segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                throw Bad(function, name, "may hold only letters, digits, '-', '_', '.' and '/' between segments");
            }
        }
        return name;
    }

    private static SpellException Bad(string function, string name, string problem) =>
        new(SpellErrorCode.BadArgument, $"{function}: artifact name '{name}' {problem}");
}
