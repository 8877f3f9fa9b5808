using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using LlmSpell.Artifacts;

namespace LlmSpell.Orchestrations.Storage.AzureStorage;

/// <summary>
/// Artifacts as blobs <c>SCOPE/NAME</c> in one container, their content type the blob's own, so a
/// URL serves them as they are. URLs are read-only SAS URLs that expire: signed with the account key
/// when the connection has one, else with a user delegation key (managed identity, which needs the
/// Storage Blob Delegator role besides data access).
/// </summary>
public sealed class BlobArtifactStore(BlobContainerClient container, long maxBytes = FileArtifactStore.DefaultMaxBytes) : IArtifactStore
{
    private readonly Threading.InitializeOnce _created = new(cancellationToken => container.CreateIfNotExistsAsync(cancellationToken: cancellationToken));

    public long MaxBytes { get; } = maxBytes;

    public async Task<ArtifactInfo> PutAsync(string scope, string name, ReadOnlyMemory<byte> data, string contentType, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var blob = container.GetBlobClient($"{scope}/{name}");
        var uploaded = await blob.UploadAsync(BinaryData.FromBytes(data), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken).ConfigureAwait(false);
        return new ArtifactInfo(name, data.Length, contentType, uploaded.Value.LastModified);
    }

    public async Task<(ReadOnlyMemory<byte> Data, ArtifactInfo Info)?> GetAsync(string scope, string name, CancellationToken cancellationToken)
    {
        try
        {
            var content = (await container.GetBlobClient($"{scope}/{name}").DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            var details = content.Details;
            return (content.Content.ToMemory(), new ArtifactInfo(name, details.ContentLength, details.ContentType ?? "application/octet-stream", details.LastModified));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ArtifactInfo>> ListAsync(string scope, string prefix, CancellationToken cancellationToken)
    {
        var found = new List<ArtifactInfo>();
        try
        {
            await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{scope}/{prefix}", cancellationToken).ConfigureAwait(false))
            {
                found.Add(new ArtifactInfo(item.Name[(scope.Length + 1)..], item.Properties.ContentLength ?? 0, item.Properties.ContentType ?? "application/octet-stream",
                    item.Properties.LastModified ?? DateTimeOffset.MinValue));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No container yet: nothing was ever put.
        }
        return [.. found.OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    public async Task<bool> DeleteAsync(string scope, string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await container.GetBlobClient($"{scope}/{name}").DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public async Task<Uri?> GetUrlAsync(string scope, string name, TimeSpan expiresIn, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient($"{scope}/{name}");
        try
        {
            if (!(await blob.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value)
            {
                return null;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        var expires = DateTimeOffset.UtcNow + expiresIn;
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(BlobSasPermissions.Read, expires);
        }
        var service = container.GetParentBlobServiceClient();
        var key = (await service.GetUserDelegationKeyAsync(DateTimeOffset.UtcNow.AddMinutes(-5), expires, cancellationToken).ConfigureAwait(false)).Value;
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expires) { BlobContainerName = container.Name, BlobName = blob.Name, Resource = "b" };
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, service.AccountName) }.ToUri();
    }
}
