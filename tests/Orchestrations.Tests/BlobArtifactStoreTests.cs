using System.Text;
using Azure.Storage.Blobs;
using LlmSpell.Artifacts;
using LlmSpell.Orchestrations.Storage.AzureStorage;
using LlmSpell.Testing;
using Xunit;

namespace LlmSpell.Orchestrations.Tests;

/// <summary>Artifacts in a blob container (Azurite), held to what the file store does, with URLs that really read them.</summary>
public sealed class BlobArtifactStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llmspell-artifacts-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> Stores() => ["blob", "file"];

    private IArtifactStore Store(string kind) => kind == "blob"
        ? new BlobArtifactStore(new BlobContainerClient(azurite.ConnectionString, "artifacts" + Guid.NewGuid().ToString("N")[..12]))
        : new FileArtifactStore(_folder);

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Artifacts_are_kept_per_spell_with_their_content_type(string kind)
    {
        var store = Store(kind);
        Assert.Empty(await store.ListAsync("digest", "", Token));
        var put = await store.PutAsync("digest", "reports/today.md", Encoding.UTF8.GetBytes("# Tides"), "text/markdown", Token);
        Assert.Equal(("reports/today.md", 7L, "text/markdown"), (put.Name, put.Size, put.ContentType));
        await store.PutAsync("digest", "reports/raw.bin", new byte[] { 0, 1, 2 }, "application/octet-stream", Token);
        await store.PutAsync("other", "reports/theirs.md", "x"u8.ToArray(), "text/plain", Token);

        Assert.Equal(["reports/raw.bin", "reports/today.md"], (await store.ListAsync("digest", "reports/", Token)).Select(a => a.Name));
        Assert.Equal(["reports/theirs.md"], (await store.ListAsync("other", "", Token)).Select(a => a.Name));
        var got = (await store.GetAsync("digest", "reports/today.md", Token))!.Value;
        Assert.Equal("# Tides", Encoding.UTF8.GetString(got.Data.Span));
        Assert.Equal("text/markdown", got.Info.ContentType);
        Assert.Null(await store.GetAsync("digest", "nope", Token));
        Assert.True(await store.DeleteAsync("digest", "reports/raw.bin", Token));
        Assert.False(await store.DeleteAsync("digest", "reports/raw.bin", Token));
        Assert.Null(await store.GetUrlAsync("digest", "reports/raw.bin", TimeSpan.FromMinutes(5), Token));
    }

    [Fact]
    public async Task A_blob_artifact_URL_reads_it_without_credentials_until_it_expires()
    {
        var store = Store("blob");
        await store.PutAsync("digest", "today.md", Encoding.UTF8.GetBytes("# Tides"), "text/markdown", Token);
        var url = (await store.GetUrlAsync("digest", "today.md", TimeSpan.FromMinutes(5), Token))!;
        Assert.Contains("sig=", url.Query, StringComparison.Ordinal);
        Assert.Contains("sp=r", url.Query, StringComparison.Ordinal);
        using var http = new HttpClient();
        using var response = await http.GetAsync(url, Token);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} for {url}");
        Assert.Equal("# Tides", await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        // Without the signature the container is private.
        using var bare = await http.GetAsync(new UriBuilder(url) { Query = "" }.Uri, Token);
        Assert.False(bare.IsSuccessStatusCode);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
