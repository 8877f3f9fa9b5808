using System.Text.Json;

namespace LlmSpell.Artifacts;

/// <summary>
/// Artifacts on the local disk: <c>ROOT/SCOPE/data/NAME</c> with its content type beside it in
/// <c>ROOT/SCOPE/meta/NAME.json</c>. Writes go to a temporary file that replaces the old one, so a
/// reader never sees half an artifact. URLs are <c>file://</c> ones: a local run has no server.
/// </summary>
public sealed class FileArtifactStore(string root, long maxBytes = FileArtifactStore.DefaultMaxBytes) : IArtifactStore
{
    public const long DefaultMaxBytes = 16 * 1024 * 1024;

    private readonly string _root = Path.GetFullPath(root);

    public long MaxBytes { get; } = maxBytes;

    public async Task<ArtifactInfo> PutAsync(string scope, string name, ReadOnlyMemory<byte> data, string contentType, CancellationToken cancellationToken)
    {
        var (path, meta) = Paths(scope, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Directory.CreateDirectory(Path.GetDirectoryName(meta)!);
        await ReplaceAsync(meta, MetaJson(contentType), cancellationToken).ConfigureAwait(false);
        await ReplaceAsync(path, data, cancellationToken).ConfigureAwait(false);
        return Info(name, path, contentType);
    }

    public async Task<(ReadOnlyMemory<byte> Data, ArtifactInfo Info)?> GetAsync(string scope, string name, CancellationToken cancellationToken)
    {
        var (path, meta) = Paths(scope, name);
        try
        {
            var data = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return (data, Info(name, path, await ContentTypeAsync(meta, cancellationToken).ConfigureAwait(false)));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ArtifactInfo>> ListAsync(string scope, string prefix, CancellationToken cancellationToken)
    {
        var data = Path.Combine(_root, scope, "data");
        if (!Directory.Exists(data))
        {
            return [];
        }
        var found = new List<ArtifactInfo>();
        foreach (var path in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(data, path).Replace(Path.DirectorySeparatorChar, '/');
            if (name.StartsWith(prefix, StringComparison.Ordinal) && !Path.GetFileName(path).StartsWith('.'))
            {
                found.Add(Info(name, path, await ContentTypeAsync(Paths(scope, name).Meta, cancellationToken).ConfigureAwait(false)));
            }
        }
        return [.. found.OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    public Task<bool> DeleteAsync(string scope, string name, CancellationToken cancellationToken)
    {
        var (path, meta) = Paths(scope, name);
        var existed = File.Exists(path);
        File.Delete(path);
        File.Delete(meta);
        return Task.FromResult(existed);
    }

    public Task<Uri?> GetUrlAsync(string scope, string name, TimeSpan expiresIn, CancellationToken cancellationToken)
    {
        var (path, _) = Paths(scope, name);
        return Task.FromResult(File.Exists(path) ? new Uri(path) : null);
    }

    private (string Data, string Meta) Paths(string scope, string name) =>
        (Path.Combine(_root, scope, "data", name), Path.Combine(_root, scope, "meta", name + ".json"));

    private static ArtifactInfo Info(string name, string path, string contentType)
    {
        var file = new FileInfo(path);
        return new ArtifactInfo(name, file.Length, contentType, file.LastWriteTimeUtc);
    }

    private static async Task<string> ContentTypeAsync(string meta, CancellationToken cancellationToken)
    {
        try
        {
            using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(meta, cancellationToken).ConfigureAwait(false));
            return document.RootElement.TryGetProperty("content_type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : "application/octet-stream";
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return "application/octet-stream";
        }
    }

    private static async Task ReplaceAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    private static byte[] MetaJson(string contentType)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("content_type", contentType);
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }
}
