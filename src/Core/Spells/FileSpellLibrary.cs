using LlmSpell.Errors;
using LlmSpell.Running;

namespace LlmSpell.Spells;

/// <summary>
/// Spells as files of the project: a name is a path relative to the calling spell's folder (or to
/// the project, for a spell without a file), with or without its extension, and never outside the
/// project folder.
/// </summary>
public sealed class FileSpellLibrary(string contentRoot, SandboxLimits limits) : ISpellLibrary
{
    private static readonly string[] Extensions = [".lua", ".js", ".tengo"];

    public string ContentRoot { get; } = Path.GetFullPath(contentRoot);

    public async Task<SpellScript> LoadAsync(string name, SpellScript caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(caller);
        if (name.Length == 0 || Path.IsPathRooted(name) || name.Contains('\0', StringComparison.Ordinal))
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"'{name}' is not a spell name: give a path relative to the calling spell, such as summarize.js or agents/plan");
        }

        var folder = caller.Path is { } path ? Path.GetDirectoryName(path)! : ContentRoot;
        var wanted = Path.GetFullPath(Path.Combine(folder, name));
        if (!SpellScript.IsInProject(wanted, ContentRoot))
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"spell '{name}' would be outside the project folder {ContentRoot}; a spell calls only spells of its project");
        }

        var found = Extensions.Contains(Path.GetExtension(wanted), StringComparer.Ordinal)
            ? (File.Exists(wanted) ? [wanted] : [])
            : Extensions.Select(e => wanted + e).Where(File.Exists).ToList();
        return found.Count switch
        {
            1 => await SpellScript.LoadAsync(found[0], limits, ContentRoot, cancellationToken).ConfigureAwait(false),
            0 => throw new SpellException(SpellErrorCode.NotFound, $"no spell '{name}' (looked for {Path.GetRelativePath(ContentRoot, wanted)}{(Path.HasExtension(wanted) ? "" : " with .lua, .js or .tengo")} in {ContentRoot})"),
            _ => throw new SpellException(SpellErrorCode.BadArgument, $"spell '{name}' is ambiguous: {string.Join(" and ", found.Select(Path.GetFileName))}; name it with its extension"),
        };
    }
}
