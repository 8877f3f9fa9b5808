using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Threading;
using Microsoft.Extensions.Logging;

namespace LlmSpell.Hosting.Spells;

/// <summary>
/// The spells a server serves, by name: those of the spells folder, then those uploaded to the
/// spells container. They are read once, when first asked for, so each is pinned to the content
/// hash it had then; a redeploy (a new instance) serves the new code. Spells with a broken manifest
/// are left out and logged with their file and line; <c>llmspell validate</c> reports the same.
/// </summary>
public sealed class SpellCatalog
{
    private readonly InitializeOnce _loaded;
    private IReadOnlyDictionary<string, DeployedSpell> _spells = new Dictionary<string, DeployedSpell>();

    public SpellCatalog(SpellsSettings settings, SpellRunner runner, IEnumerable<ISpellSource> sources, ILogger<SpellCatalog> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(runner);
        _loaded = new InitializeOnce(async cancellationToken =>
        {
            var scan = await SpellFolderScan.ScanAsync(settings.Folder, runner, cancellationToken).ConfigureAwait(false);
            var spells = scan.Spells.ToDictionary(s => s.Name, StringComparer.Ordinal);
            var problems = scan.Problems.ToList();
            foreach (var source in sources)
            {
                var found = await source.LoadAsync(runner.Engines, cancellationToken).ConfigureAwait(false);
                problems.AddRange(found.Problems);
                foreach (var spell in found.Spells)
                {
                    if (!spells.TryAdd(spell.Name, spell))
                    {
                        problems.Add(new SpellError(SpellErrorCode.BadArgument, $"spell '{spell.Name}' is already served from {spells[spell.Name].Manifest.Source}; this one is left out", new SpellLocation(spell.Manifest.Source, 1)));
                    }
                }
            }
            foreach (var problem in problems)
            {
                logger.LogWarning("spell left out: {Problem}", problem.ToString());
            }
            _spells = spells;
        });
    }

    public async Task<IReadOnlyCollection<DeployedSpell>> ListAsync(CancellationToken cancellationToken)
    {
        await _loaded.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return [.. _spells.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <returns>The spell, or null when none has that name.</returns>
    public async Task<DeployedSpell?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await _loaded.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return _spells.GetValueOrDefault(name);
    }
}

/// <summary>A place spells are deployed to besides the folder, such as a blob container.</summary>
public interface ISpellSource
{
    Task<SpellScanResult> LoadAsync(IReadOnlyList<ISpellEngine> engines, CancellationToken cancellationToken);
}
