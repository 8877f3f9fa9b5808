using LlmSpell.Errors;
using LlmSpell.Running;

namespace LlmSpell.Hosting.Spells;

/// <summary>
/// Every spell of a folder (and its sub-folders): each <c>*.spell.json</c> with the script beside it.
/// Problems are collected, not thrown, so <c>llmspell validate</c> reports them all at once.
/// </summary>
public static class SpellFolderScan
{
    /// <param name="runner">Its engines say which files are scripts and which engine runs each.</param>
    public static async Task<SpellScanResult> ScanAsync(string folder, SpellRunner runner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var root = Path.GetFullPath(folder);
        var spells = new List<DeployedSpell>();
        var problems = new List<SpellError>();
        if (!Directory.Exists(root))
        {
            problems.Add(new SpellError(SpellErrorCode.NotFound, "the spells folder does not exist", new SpellLocation(root, 0)));
            return new SpellScanResult(spells, problems);
        }
        var manifests = Directory.EnumerateFiles(root, "*" + SpellManifest.FileSuffix, SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}{LlmSpellOptions.DataFolderName}{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var path in manifests)
        {
            try
            {
                spells.Add(await LoadAsync(path, runner, root, cancellationToken).ConfigureAwait(false));
            }
            catch (SpellException e)
            {
                problems.Add(e.Error);
            }
        }
        foreach (var duplicate in spells.GroupBy(s => s.Name).Where(g => g.Count() > 1))
        {
            foreach (var spell in duplicate.Skip(1))
            {
                problems.Add(new SpellError(SpellErrorCode.BadArgument,
                    $"spell name '{duplicate.Key}' is also used by {duplicate.First().Manifest.Source}; names must be unique", new SpellLocation(spell.Manifest.Source, 1)));
            }
        }
        var unique = spells.GroupBy(s => s.Name).Select(g => g.First()).ToList();
        return new SpellScanResult(unique, problems);
    }

    /// <summary>
    /// The one spell a folder holds (its single <c>*.spell.json</c>, not looking into sub-folders), or a
    /// manifest named directly, as <c>llmspell run DIR</c> takes it.
    /// </summary>
    public static Task<DeployedSpell> LoadOneAsync(string folderOrManifest, SpellRunner runner, string contentRoot, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(folderOrManifest);
        if (File.Exists(full))
        {
            return LoadAsync(full, runner, contentRoot, cancellationToken);
        }

        var manifests = Directory.EnumerateFiles(full, "*" + SpellManifest.FileSuffix, SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
        return manifests.Count switch
        {
            1 => LoadAsync(manifests[0], runner, contentRoot, cancellationToken),
            0 => throw new SpellException(new SpellError(SpellErrorCode.NotFound,
                $"{folderOrManifest} holds no spell manifest (*{SpellManifest.FileSuffix}); run a spell file, or make one with 'llmspell new NAME'")),
            _ => throw new SpellException(new SpellError(SpellErrorCode.BadArgument,
                $"{folderOrManifest} holds several spells ({string.Join(", ", manifests.Select(Path.GetFileName))}); name the manifest to run, e.g. {Path.Combine(folderOrManifest, Path.GetFileName(manifests[0]))}")),
        };
    }

    /// <summary>One manifest and the script beside it, checked as serving would check them (engine, syntax).</summary>
    public static async Task<DeployedSpell> LoadAsync(string manifestPath, SpellRunner runner, string contentRoot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var extensions = runner.Engines.SelectMany(e => e.FileExtensions).Distinct().ToList();
        var manifest = await SpellManifestReader.LoadAsync(manifestPath, extensions, cancellationToken).ConfigureAwait(false);
        var scriptPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, manifest.ScriptFile);
        var script = await SpellScript.LoadAsync(scriptPath, manifest.Limits, contentRoot, cancellationToken).ConfigureAwait(false);
        try
        {
            runner.ResolveEngine(script);
        }
        catch (SpellException e)
        {
            throw new SpellException(e.Error with { Location = new SpellLocation(scriptPath, 1) });
        }
        if (await runner.CheckSyntaxAsync(script).ConfigureAwait(false) is { } syntax)
        {
            // Reported at the script's own path, as validate prints every problem.
            throw new SpellException(syntax with { Location = syntax.Location is { } at ? at with { File = scriptPath } : new SpellLocation(scriptPath, 1) });
        }
        return new DeployedSpell(manifest, new SpellScript(script.Name, script.Source, script.Path, manifest.Name));
    }
}

/// <summary>The spells a scan found, and the problems of those it could not take.</summary>
public sealed record SpellScanResult(IReadOnlyList<DeployedSpell> Spells, IReadOnlyList<SpellError> Problems);
