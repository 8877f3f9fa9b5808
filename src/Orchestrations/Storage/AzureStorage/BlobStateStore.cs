using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using LlmSpell.Errors;
using LlmSpell.State;
using LlmSpell.Values;

namespace LlmSpell.Orchestrations.Storage.AzureStorage;

/// <summary>
/// Spell state in Azure Blob storage, for workers on several machines: one blob per key, named by
/// hashes of scope and key (any key text fits, none can name another blob), the key itself kept in
/// the blob's metadata so it can be listed.
/// </summary>
public sealed class BlobStateStore(BlobContainerClient container) : IStateStore
{
    private const string KeyMetadata = "statekey";
    private readonly Threading.InitializeOnce _created = new(cancellationToken => container.CreateIfNotExistsAsync(cancellationToken: cancellationToken));

    public async ValueTask<SpellValue?> GetAsync(string scope, string key, CancellationToken cancellationToken = default) =>
        (await ReadAsync(scope, key, cancellationToken).ConfigureAwait(false)).Value;

    public async ValueTask<StateEntry> ReadAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        StateKeys.Validate(scope, key);
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var content = await container.GetBlobClient(BlobName(scope, key)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new StateEntry(SpellJson.Parse(content.Value.Content.ToMemory().Span), content.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return StateEntry.Absent;
        }
        catch (RequestFailedException e)
        {
            throw new SpellException(SpellErrorCode.StateError, $"cannot read state key '{key}': {e.Message}", e);
        }
    }

    public async ValueTask<bool> TryReplaceAsync(string scope, string key, StateEntry expected, SpellValue? value, CancellationToken cancellationToken = default)
    {
        StateKeys.Validate(scope, key);
        if (value is not null)
        {
            StateKeys.RejectFunctions(value);
        }

        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        // The service checks the ETag on the write itself (If-Match; If-None-Match: * for "still
        // absent"), so the swap is atomic for every machine that shares the container.
        var conditions = expected.Version is { } etag ? new BlobRequestConditions { IfMatch = new ETag(etag) } : new BlobRequestConditions { IfNoneMatch = ETag.All };
        var blob = container.GetBlobClient(BlobName(scope, key));
        try
        {
            if (value is not null)
            {
                await blob.UploadAsync(BinaryData.FromString(SpellJson.Serialize(value)), UploadOptions(key, conditions), cancellationToken).ConfigureAwait(false);
            }
            else if (expected.Version is not null)
            {
                await blob.DeleteAsync(DeleteSnapshotsOption.None, conditions, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                return !(await blob.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 409 or 404)
        {
            // 412: changed since read; 409: created since read; 404: deleted since read.
            return false;
        }
        catch (RequestFailedException e)
        {
            throw new SpellException(SpellErrorCode.StateError, $"cannot write state key '{key}': {e.Message}", e);
        }
    }

    public async ValueTask SetAsync(string scope, string key, SpellValue value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        StateKeys.Validate(scope, key);
        StateKeys.RejectFunctions(value);
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One PUT replaces the blob whole: readers see the old value or the new one.
            await container.GetBlobClient(BlobName(scope, key)).UploadAsync(BinaryData.FromString(SpellJson.Serialize(value)), UploadOptions(key, conditions: null), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw new SpellException(SpellErrorCode.StateError, $"cannot write state key '{key}': {e.Message}", e);
        }
    }

    public async ValueTask<bool> DeleteAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        StateKeys.Validate(scope, key);
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await container.DeleteBlobIfExistsAsync(BlobName(scope, key), cancellationToken: cancellationToken).ConfigureAwait(false);
        return deleted.Value;
    }

    public async ValueTask<IReadOnlyList<string>> KeysAsync(string scope, string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, Hash(scope) + "/", cancellationToken).ConfigureAwait(false))
        {
            if (blob.Metadata.TryGetValue(KeyMetadata, out var encoded))
            {
                var key = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                if (key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    keys.Add(key);
                }
            }
        }
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    private static BlobUploadOptions UploadOptions(string key, BlobRequestConditions? conditions) => new()
    {
        Metadata = new Dictionary<string, string> { [KeyMetadata] = Convert.ToBase64String(Encoding.UTF8.GetBytes(key)) },
        Conditions = conditions,
    };

    private static string BlobName(string scope, string key) => $"{Hash(scope)}/{Hash(key)}";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
