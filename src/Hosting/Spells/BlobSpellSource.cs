using Azure;
using Azure.Storage.Blobs;
using LlmSpell.Errors;
using LlmSpell.Running;

namespace LlmSpell.Hosting.Spells;

/// <summary>
/// Spells uploaded to a blob container, laid out as in a folder: <c>name.spell.json</c> beside its
/// script, optionally under a prefix per spell. Each is read once and pinned by its content hash.
/// </summary>
public sealed class BlobSpellSource(BlobContainerClient container) : ISpellSource
{
    public async Task<SpellScanResult> LoadAsync(IReadOnlyList<ISpellEngine> engines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engines);
        var spells = new List<DeployedSpell>();
        var problems = new List<SpellError>();
        var names = new List<string>();
        try
        {
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                names.Add(blob.Name);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return new SpellScanResult(spells, problems);
        }
        var extensions = engines.SelectMany(e => e.FileExtensions).Distinct().ToList();
        foreach (var manifestName in names.Where(n => n.EndsWith(SpellManifest.FileSuffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var prefix = manifestName.Contains('/', StringComparison.Ordinal) ? manifestName[..(manifestName.LastIndexOf('/') + 1)] : "";
            var siblings = names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && !n[prefix.Length..].Contains('/', StringComparison.Ordinal))
                .Select(n => n[prefix.Length..]).ToList();
            var source = $"{container.Name}/{manifestName}";
            try
            {
                var manifest = SpellManifestReader.Parse(await ReadAsync(manifestName, cancellationToken).ConfigureAwait(false), source, siblings, extensions);
                var code = await ReadAsync(prefix + manifest.ScriptFile, cancellationToken).ConfigureAwait(false);
                if (code.Length > manifest.Limits.MaxSourceBytes)
                {
                    throw new SpellException(SpellErrorCode.BadArgument, $"{container.Name}/{prefix}{manifest.ScriptFile}: the spell is {code.Length} characters; the limit is {manifest.Limits.MaxSourceBytes}");
                }
                spells.Add(new DeployedSpell(manifest, new SpellScript(manifest.ScriptFile, code, $"{container.Name}/{prefix}{manifest.ScriptFile}", manifest.Name)));
            }
            catch (SpellException e)
            {
                problems.Add(e.Error);
            }
        }
        return new SpellScanResult(spells, problems);
    }

    private async Task<string> ReadAsync(string name, CancellationToken cancellationToken) =>
        (await container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToString();
}
