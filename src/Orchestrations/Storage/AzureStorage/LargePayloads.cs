using System.IO.Compression;
using System.Text;
using Azure.Storage.Blobs;

namespace LlmSpell.Orchestrations.Storage.AzureStorage;

/// <summary>
/// Payloads too big for a queue message (64 KB) or a table property (32 K characters) go to gzip
/// blobs named under their instance, and a reference travels instead. Purging the instance
/// deletes its blobs.
/// </summary>
internal sealed class LargePayloads(BlobContainerClient container)
{
    public const int MaxQueueChars = 45 * 1024;
    public const int MaxPropertyChars = 30 * 1024;

    public async Task<string> UploadAsync(string instanceId, string text, CancellationToken cancellationToken)
    {
        var name = $"{instanceId}/{Guid.NewGuid():N}.json.gz";
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        }
        buffer.Position = 0;
        await container.GetBlobClient(name).UploadAsync(buffer, overwrite: true, cancellationToken).ConfigureAwait(false);
        return name;
    }

    public async Task<string> DownloadAsync(string name, CancellationToken cancellationToken)
    {
        var content = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        await using var gzip = new GZipStream(content.Value.Content.ToStream(), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, instanceId + "/", cancellationToken).ConfigureAwait(false))
        {
            await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
