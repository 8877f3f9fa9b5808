using Azure;
using Azure.Storage.Blobs;
using LlmSpell.Errors;
using LlmSpell.Running;

namespace LlmSpell.Orchestrations.Workflows;

/// <summary>The archive in Azure Blob storage, so workers on any machine load the same spell.</summary>
public sealed class BlobSpellArchive(BlobContainerClient container) : ISpellArchive
{
    private readonly Threading.InitializeOnce _created = new(cancellationToken => container.CreateIfNotExistsAsync(cancellationToken: cancellationToken));

    public async Task<SpellReference> SaveAsync(SpellScript script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var reference = (new SpellReference(script.ContentHash, Path.GetFileName(script.Name)) { Id = script.Id }).Validated();
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Content-addressed: an existing blob already holds exactly this source.
            await container.GetBlobClient(BlobName(reference)).UploadAsync(BinaryData.FromString(script.Source), overwrite: false, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
        return reference;
    }

    public async Task<SpellScript> LoadAsync(SpellReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var name = BlobName(reference.Validated());
        try
        {
            var content = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return reference.Verify(content.Value.Content.ToString(), $"{container.Name}/{name}");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new SpellException(SpellErrorCode.NotFound, $"spell {reference.Name} ({reference.Hash[..12]}) is not in blob container '{container.Name}'");
        }
    }

    private static string BlobName(SpellReference reference) => $"{reference.Hash}/{reference.Name}";
}
