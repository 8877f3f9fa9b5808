namespace LlmSpell.Artifacts;

/// <summary>
/// Files a spell produces for others to fetch (reports, images, exports), kept per spell under
/// <c>scope</c>. Core defines it; the host chooses where they live (files under <c>.llmspell/artifacts</c>,
/// a blob container in Azure). Names are checked by <see cref="ArtifactNames"/> before they get here.
/// </summary>
public interface IArtifactStore
{
    /// <summary>The largest artifact this store accepts, in bytes.</summary>
    long MaxBytes { get; }

    Task<ArtifactInfo> PutAsync(string scope, string name, ReadOnlyMemory<byte> data, string contentType, CancellationToken cancellationToken);

    /// <summary>The artifact's bytes and content type, or null when there is none of that name.</summary>
    Task<(ReadOnlyMemory<byte> Data, ArtifactInfo Info)?> GetAsync(string scope, string name, CancellationToken cancellationToken);

    /// <summary>The artifacts whose names start with <paramref name="prefix"/>, sorted by name.</summary>
    Task<IReadOnlyList<ArtifactInfo>> ListAsync(string scope, string prefix, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string scope, string name, CancellationToken cancellationToken);

    /// <summary>A URL that reads the artifact until <paramref name="expiresIn"/> has passed, or null when there is none of that name.</summary>
    Task<Uri?> GetUrlAsync(string scope, string name, TimeSpan expiresIn, CancellationToken cancellationToken);
}

/// <summary>What is known of an artifact without reading it.</summary>
public sealed record ArtifactInfo(string Name, long Size, string ContentType, DateTimeOffset Modified);
