using LlmSpell.Errors;
using LlmSpell.Running;

namespace LlmSpell.Orchestrations.Workflows;

/// <summary>
/// Spells by content hash, so a durable run always executes the exact source it started with,
/// even after the file is edited or redeployed. Embedded: files under <c>.llmspell/spells/</c>.
/// </summary>
public sealed class SpellArchive(string folder)
{
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>Stores the spell (once per hash) and returns its reference.</summary>
    public async Task<SpellReference> SaveAsync(SpellScript script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var reference = new SpellReference(script.ContentHash, Path.GetFileName(script.Name));
        var path = PathOf(reference);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Written aside and moved, so a reader never sees half a spell.
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllTextAsync(temporary, script.Source, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        return reference;
    }

    /// <summary>Loads a stored spell and checks it is still the source its hash names.</summary>
    public async Task<SpellScript> LoadAsync(SpellReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var path = PathOf(reference);
        if (!File.Exists(path))
        {
            throw new SpellException(SpellErrorCode.NotFound, $"spell {reference.Name} ({reference.Hash[..12]}) is not in the archive at {Folder}; was the run started against another folder?");
        }
        var script = new SpellScript(reference.Name, await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
        if (script.ContentHash != reference.Hash)
        {
            throw new SpellException(SpellErrorCode.WorkflowError, $"archived spell {path} no longer matches its hash {reference.Hash}; it was changed on disk");
        }
        return script;
    }

    private string PathOf(SpellReference reference)
    {
        if (reference.Hash.Length != 64 || !reference.Hash.All(char.IsAsciiHexDigitLower) || reference.Name != Path.GetFileName(reference.Name) || reference.Name is "." or "..")
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"'{reference.Hash}/{reference.Name}' is not a spell reference");
        }
        return Path.Combine(Folder, reference.Hash, reference.Name);
    }
}

/// <summary>A spell pinned by content hash; the name keeps its extension (the engine) and error locations.</summary>
public sealed record SpellReference(string Hash, string Name);
