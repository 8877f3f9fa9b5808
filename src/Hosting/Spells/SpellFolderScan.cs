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
        var engines = runner.Engines;
        var root = Path.GetFullPath(folder);
        var spells = new List<DeployedSpell>();
        var problems = new List<SpellError>();
        if (!Directory.Exists(root))
        {
            problems.Add(new SpellError(SpellErrorCode.NotFound, "the spells folder does not exist", new SpellLocation(root, 0)));
            return new SpellScanResult(spells, problems);
        }
        var extensions = engines.SelectMany(e => e.FileExtensions).Distinct().ToList();
        var manifests = Directory.EnumerateFiles(root, "*" + SpellManifest.FileSuffix, SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}{LlmSpellOptions.DataFolderName}{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var path in manifests)
        {
            try
            {
                var manifest = await SpellManifestReader.LoadAsync(path, extensions, cancellationToken).ConfigureAwait(false);
                var scriptPath = Path.Combine(Path.GetDirectoryName(path)!, manifest.ScriptFile);
                var script = await SpellScript.LoadAsync(scriptPath, manifest.Limits, root, cancellationToken).ConfigureAwait(false);
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
                spells.Add(new DeployedSpell(manifest, new SpellScript(script.Name, script.Source, script.Path, manifest.Name)));
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
}

/// <summary>The spells a scan found, and the problems of those it could not take.</summary>
public sealed record SpellScanResult(IReadOnlyList<DeployedSpell> Spells, IReadOnlyList<SpellError> Problems);
