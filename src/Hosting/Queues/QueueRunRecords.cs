using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace LlmSpell.Hosting.Queues;

/// <summary>
/// What the queue agents keep in blob storage, per spell: <c>{spell}/{id}.json</c>, the result of
/// run <c>id</c> (its existence is what makes a redelivered message run once);
/// <c>{spell}/{id}.claim</c> while an instance runs it; and <c>{spell}/poison/{id}.json</c>, why a
/// message went to the poison queue.
/// </summary>
public sealed class QueueRunRecords(BlobContainerClient container)
{
    private readonly Threading.InitializeOnce _created = new(cancellationToken => container.CreateIfNotExistsAsync(cancellationToken: cancellationToken));

    public BlobContainerClient Container { get; } = container;

    public async Task<string?> ReadResultAsync(string spell, string id, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var content = await Container.GetBlobClient(ResultName(spell, id)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Task WriteResultAsync(string spell, string id, string json, CancellationToken cancellationToken) =>
        UploadAsync(ResultName(spell, id), json, cancellationToken);

    public Task WritePoisonAsync(string spell, string id, string json, CancellationToken cancellationToken) =>
        UploadAsync($"{spell}/poison/{id}.json", json, cancellationToken);

    /// <summary>
    /// Takes the run for this instance; false while another holds it. A claim older than
    /// <paramref name="staleAfter"/> belongs to an instance that died mid-run and is taken over.
    /// </summary>
    public async Task<bool> TryClaimAsync(string spell, string id, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var claim = Container.GetBlobClient($"{spell}/{id}.claim");
        var body = BinaryData.FromString(DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            await claim.UploadAsync(body, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            BlobProperties held;
            try
            {
                held = (await claim.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException gone) when (gone.Status == 404)
            {
                return await TryClaimAsync(spell, id, staleAfter, cancellationToken).ConfigureAwait(false);
            }
            if (DateTimeOffset.UtcNow - held.LastModified < staleAfter)
            {
                return false;
            }
            try
            {
                await claim.UploadAsync(body, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = held.ETag } }, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException lost) when (lost.Status is 409 or 412)
            {
                return false;
            }
        }
    }

    public async Task ReleaseClaimAsync(string spell, string id, CancellationToken cancellationToken) =>
        await Container.GetBlobClient($"{spell}/{id}.claim").DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    private static string ResultName(string spell, string id) => $"{spell}/{id}.json";

    private async Task UploadAsync(string name, string json, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await Container.GetBlobClient(name).UploadAsync(BinaryData.FromString(json), overwrite: true, cancellationToken).ConfigureAwait(false);
    }
}
