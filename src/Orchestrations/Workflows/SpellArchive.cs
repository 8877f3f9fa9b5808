using LlmSpell.Errors;
using LlmSpell.Running;

namespace LlmSpell.Orchestrations.Workflows;

/// <summary>
/// Spells by content hash, so a durable run always executes the exact source it started with,
/// even after the file is edited or redeployed.
/// </summary>
public interface ISpellArchive
{
    /// <summary>Stores the spell (once per hash) and returns its reference.</summary>
    Task<SpellReference> SaveAsync(SpellScript script, CancellationToken cancellationToken = default);

    /// <summary>Loads a stored spell and checks it is still the source its hash names.</summary>
    Task<SpellScript> LoadAsync(SpellReference reference, CancellationToken cancellationToken = default);
}

/// <summary>The embedded archive: files under <c>.llmspell/spells/&lt;hash&gt;/&lt;name&gt;</c>.</summary>
public sealed class SpellArchive(string folder) : ISpellArchive
{
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>Stores the spell (once per hash) and returns its reference.</summary>
    public async Task<SpellReference> SaveAsync(SpellScript script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var reference = new SpellReference(script.ContentHash, Path.GetFileName(script.Name)) { Id = script.Id };
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
        return reference.Verify(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
    }

    private string PathOf(SpellReference reference) => Path.Combine(Folder, reference.Validated().Hash, reference.Name);
}

/// <summary>A spell pinned by content hash; the name keeps its extension (the engine) and error locations.</summary>
public sealed record SpellReference(string Hash, string Name)
{
    /// <summary>The spell's identity (<see cref="SpellScript.Id"/>); null in runs started before spells had one.</summary>
    public string? Id { get; init; }

    /// <summary>This reference, after checking it cannot name anything outside the archive.</summary>
    public SpellReference Validated() =>
        Hash.Length == 64 && Hash.All(char.IsAsciiHexDigitLower) && Name == Path.GetFileName(Name) && Name is not ("" or "." or "..")
            ? this
            : throw new SpellException(SpellErrorCode.BadArgument, $"'{Hash}/{Name}' is not a spell reference");

    /// <summary>The script, after checking its source still has this hash.</summary>
    public SpellScript Verify(string source, string? path)
    {
        var script = new SpellScript(Name, source, path, Id);
        return script.ContentHash == Hash
            ? script
            : throw new SpellException(SpellErrorCode.WorkflowError, $"archived spell {path ?? Name} no longer matches its hash {Hash}; it was changed after the run started");
    }
}
