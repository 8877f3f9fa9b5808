using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LlmSpell.Artifacts;
using Microsoft.AspNetCore.WebUtilities;

namespace LlmSpell.Hosting.Http;

/// <summary>
/// Artifacts of a self-hosted server whose store has no URLs of its own (files): <c>url()</c> gives
/// a link to this server's <c>GET /api/artifacts/{spell}/{name}</c>, signed and with an expiry, so
/// it works without the server's API key and only for that artifact, until it expires — as a SAS
/// URL does in Azure. The key is made per process: links end with the server.
/// </summary>
public sealed class ServedArtifactStore(IArtifactStore inner, Func<Uri?> baseAddress, TimeProvider time) : IArtifactStore
{
    public const string RoutePrefix = "/api/artifacts/";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public IArtifactStore Inner { get; } = inner;

    public long MaxBytes => Inner.MaxBytes;

    public Task<ArtifactInfo> PutAsync(string scope, string name, ReadOnlyMemory<byte> data, string contentType, CancellationToken cancellationToken) =>
        Inner.PutAsync(scope, name, data, contentType, cancellationToken);

    public Task<(ReadOnlyMemory<byte> Data, ArtifactInfo Info)?> GetAsync(string scope, string name, CancellationToken cancellationToken) =>
        Inner.GetAsync(scope, name, cancellationToken);

    public Task<IReadOnlyList<ArtifactInfo>> ListAsync(string scope, string prefix, CancellationToken cancellationToken) =>
        Inner.ListAsync(scope, prefix, cancellationToken);

    public Task<bool> DeleteAsync(string scope, string name, CancellationToken cancellationToken) =>
        Inner.DeleteAsync(scope, name, cancellationToken);

    public async Task<Uri?> GetUrlAsync(string scope, string name, TimeSpan expiresIn, CancellationToken cancellationToken)
    {
        if (await Inner.GetUrlAsync(scope, name, expiresIn, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }
        if (baseAddress() is not { } root)
        {
            // Not listening yet (a spell run before the server started): the store's own URL.
            return await Inner.GetUrlAsync(scope, name, expiresIn, cancellationToken).ConfigureAwait(false);
        }
        var expires = (time.GetUtcNow() + expiresIn).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var path = RoutePrefix + Uri.EscapeDataString(scope) + "/" + string.Join('/', name.Split('/').Select(Uri.EscapeDataString));
        return new Uri(root, $"{path}?expires={expires}&sig={Sign(scope, name, expires)}");
    }

    /// <summary>Whether a link's signature is this server's and it has not expired.</summary>
    public bool Verify(string scope, string name, string? expires, string? signature) =>
        expires is not null && signature is not null
        && long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var until)
        && time.GetUtcNow().ToUnixTimeSeconds() <= until
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(scope, name, expires)), Encoding.ASCII.GetBytes(signature));

    private string Sign(string scope, string name, string expires) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{scope}\n{name}\n{expires}")));
}
