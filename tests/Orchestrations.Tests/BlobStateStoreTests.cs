using Azure.Storage.Blobs;
using LlmSpell.Orchestrations.Storage.AzureStorage;
using LlmSpell.Testing;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Orchestrations.Tests;

/// <summary>The state store for workers on several machines, against Azurite, held to what the file store does.</summary>
public sealed class BlobStateStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly BlobStateStore _store = new(new BlobContainerClient(azurite.ConnectionString, "state" + Guid.NewGuid().ToString("N")[..12]));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_conditional_write_succeeds_only_on_the_etag_it_read()
    {
        var absent = await _store.ReadAsync("spell", "cas", Token);
        Assert.True(await _store.TryReplaceAsync("spell", "cas", absent, SpellValue.From(1), Token));
        Assert.False(await _store.TryReplaceAsync("spell", "cas", absent, SpellValue.From(2), Token));
        var first = await _store.ReadAsync("spell", "cas", Token);
        await _store.SetAsync("spell", "cas", SpellValue.From(5), Token);
        Assert.False(await _store.TryReplaceAsync("spell", "cas", first, SpellValue.From(2), Token));
        var second = await _store.ReadAsync("spell", "cas", Token);
        Assert.True(await _store.TryReplaceAsync("spell", "cas", second, null, Token));
        Assert.False(await _store.TryReplaceAsync("spell", "cas", second, SpellValue.From(3), Token));
        Assert.Null(await _store.GetAsync("spell", "cas", Token));
    }

    [Fact]
    public async Task Concurrent_updates_of_one_key_lose_nothing()
    {
        // Within one process updates take turns; StateAcrossProcessesTests covers two programs.
        await Parallel.ForAsync(0, 40, Token, async (_, token) =>
            await State.StateUpdate.RunAsync(_store, "spell", "counter", (old, _) => ValueTask.FromResult(SpellValue.From((old is SpellInt n ? n.Value : 0) + 1)), token));
        Assert.Equal(SpellValue.From(40), await _store.GetAsync("spell", "counter", Token));
    }

    [Fact]
    public async Task Values_keys_prefixes_and_deletes_behave_as_in_the_file_store()
    {
        var value = SpellJson.Parse("{\"n\":9007199254740993,\"f\":1.5,\"s\":\"✓\",\"l\":[null,true],\"m\":{}}");
        await _store.SetAsync("spell", "k", value, Token);
        Assert.Equal(value, await _store.GetAsync("spell", "k", Token));
        Assert.Null(await _store.GetAsync("other", "k", Token));
        Assert.Null(await _store.GetAsync("spell", "absent", Token));

        foreach (var key in new[] { "b", "a/2", "a/10", "A", "a/1", "../../escape", "ünïcode ✓ 🎉", new string('x', 512) })
        {
            await _store.SetAsync("keys", key, SpellValue.From(key), Token);
            Assert.Equal(SpellValue.From(key), await _store.GetAsync("keys", key, Token));
        }
        Assert.Equal(["a/1", "a/10", "a/2"], await _store.KeysAsync("keys", "a/", Token));
        Assert.Equal(8, (await _store.KeysAsync("keys", "", Token)).Count);
        Assert.Empty(await _store.KeysAsync("nobody", "", Token));

        Assert.True(await _store.DeleteAsync("spell", "k", Token));
        Assert.False(await _store.DeleteAsync("spell", "k", Token));
        Assert.Null(await _store.GetAsync("spell", "k", Token));
        await Assert.ThrowsAsync<LlmSpell.Errors.SpellException>(async () => await _store.SetAsync("spell", "", SpellValue.Null, Token));
    }
}
