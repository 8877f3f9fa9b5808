using LlmSpell.Errors;
using LlmSpell.State;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Tests;

/// <summary>What every state store must do; each store runs it.</summary>
public abstract class StateStoreContract
{
    protected abstract IStateStore Store { get; }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_value_comes_back_as_it_was_stored()
    {
        var value = SpellJson.Parse("{\"n\":9007199254740993,\"f\":1.5,\"s\":\"✓\",\"l\":[null,true],\"m\":{}}");
        await Store.SetAsync("spell", "k", value, Token);
        Assert.Equal(value, await Store.GetAsync("spell", "k", Token));
    }

    [Fact]
    public async Task A_missing_key_reads_as_absent()
    {
        Assert.Null(await Store.GetAsync("spell", "absent", Token));
        Assert.False(await Store.DeleteAsync("spell", "absent", Token));
    }

    [Fact]
    public async Task Scopes_do_not_see_each_other()
    {
        await Store.SetAsync("one", "k", SpellValue.From(1), Token);
        Assert.Null(await Store.GetAsync("two", "k", Token));
        Assert.Empty(await Store.KeysAsync("two", "", Token));
    }

    [Fact]
    public async Task Keys_are_listed_by_prefix_in_ordinal_order()
    {
        foreach (var key in new[] { "b", "a/2", "a/10", "A", "a/1" })
        {
            await Store.SetAsync("spell", key, SpellValue.True, Token);
        }

        Assert.Equal(["A", "a/1", "a/10", "a/2", "b"], await Store.KeysAsync("spell", "", Token));
        Assert.Equal(["a/1", "a/10", "a/2"], await Store.KeysAsync("spell", "a/", Token));
    }

    [Theory]
    [InlineData("../../escape")]
    [InlineData("with/slash")]
    [InlineData("dots...")]
    [InlineData("ünïcode ✓ 🎉")]
    [InlineData("CaseSensitive")]
    [InlineData("%41")]
    public async Task Any_key_text_is_stored_under_exactly_that_key(string key)
    {
        await Store.SetAsync("spell", key, SpellValue.From(key), Token);
        Assert.Equal(SpellValue.From(key), await Store.GetAsync("spell", key, Token));
        Assert.Equal([key], await Store.KeysAsync("spell", "", Token));
    }

    [Fact]
    public async Task Deleting_removes_the_key()
    {
        await Store.SetAsync("spell", "k", SpellValue.From(1), Token);
        Assert.True(await Store.DeleteAsync("spell", "k", Token));
        Assert.Null(await Store.GetAsync("spell", "k", Token));
    }

    [Fact]
    public async Task A_conditional_write_succeeds_only_on_the_version_it_read()
    {
        var absent = await Store.ReadAsync("spell", "cas", Token);
        Assert.Null(absent.Value);
        Assert.True(await Store.TryReplaceAsync("spell", "cas", absent, SpellValue.From(1), Token));
        Assert.False(await Store.TryReplaceAsync("spell", "cas", absent, SpellValue.From(2), Token));

        var first = await Store.ReadAsync("spell", "cas", Token);
        Assert.Equal(SpellValue.From(1), first.Value);
        await Store.SetAsync("spell", "cas", SpellValue.From(5), Token);
        Assert.False(await Store.TryReplaceAsync("spell", "cas", first, SpellValue.From(2), Token));
        Assert.Equal(SpellValue.From(5), await Store.GetAsync("spell", "cas", Token));

        var second = await Store.ReadAsync("spell", "cas", Token);
        Assert.True(await Store.TryReplaceAsync("spell", "cas", second, null, Token));
        Assert.Null(await Store.GetAsync("spell", "cas", Token));
        Assert.False(await Store.TryReplaceAsync("spell", "cas", second, SpellValue.From(3), Token));
    }

    [Fact]
    public async Task Concurrent_updates_of_one_key_lose_nothing()
    {
        await Parallel.ForAsync(0, 50, Token, async (_, token) =>
            await StateUpdate.RunAsync(Store, "spell", "counter", (old, _) => ValueTask.FromResult(SpellValue.From((old is SpellInt n ? n.Value : 0) + 1)), token));
        Assert.Equal(SpellValue.From(50), await Store.GetAsync("spell", "counter", Token));
    }

    [Fact]
    public async Task An_update_of_a_key_inside_its_own_update_fails_at_once()
    {
        var error = await Assert.ThrowsAsync<SpellException>(async () =>
            await StateUpdate.RunAsync(Store, "spell", "k", async (old, token) =>
                await StateUpdate.RunAsync(Store, "spell", "k", (o, _) => ValueTask.FromResult(o), token), Token));
        Assert.Equal(SpellErrorCode.StateError, error.Code);
        Assert.Contains("inside its own update function", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_keys_and_functions_are_refused()
    {
        Assert.Equal(SpellErrorCode.BadArgument, (await Assert.ThrowsAsync<SpellException>(async () => await Store.SetAsync("spell", "", SpellValue.Null, Token))).Code);
        Assert.Equal(SpellErrorCode.BadArgument, (await Assert.ThrowsAsync<SpellException>(async () => await Store.SetAsync("spell", new string('k', 600), SpellValue.Null, Token))).Code);
        Assert.Equal(SpellErrorCode.BadArgument, (await Assert.ThrowsAsync<SpellException>(async () => await Store.SetAsync("spell", "a\nb", SpellValue.Null, Token))).Code);
    }
}

public sealed class MemoryStateStoreTests : StateStoreContract
{
    protected override IStateStore Store { get; } = new MemoryStateStore();
}

public sealed class FileStateStoreTests : StateStoreContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "llmspell-state-" + Guid.NewGuid().ToString("N"));

    public FileStateStoreTests() => Store = new FileStateStore(_root);

    protected override IStateStore Store { get; }

    [Fact]
    public async Task Writes_leave_no_temporary_files_and_stay_inside_the_root()
    {
        await Store.SetAsync("spell", "../../escape", SpellValue.From(1), TestContext.Current.CancellationToken);
        // The scope's lock file stays (see ScopeLock); nothing else but the value may.
        var files = Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != ".lock");
        var file = Assert.Single(files);
        Assert.StartsWith(_root, Path.GetFullPath(file), StringComparison.Ordinal);
        Assert.EndsWith(".json", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_spell_name_gets_a_folder_and_a_key_too_long_for_a_file_name_is_a_bad_argument()
    {
        var token = TestContext.Current.CancellationToken;
        var scope = new string('é', 120);
        await Store.SetAsync(scope, "k", SpellValue.From(1), token);
        Assert.Equal(SpellValue.From(1), await Store.GetAsync(scope, "k", token));
        Assert.Equal(["k"], await Store.KeysAsync(scope, "", token));

        var error = await Assert.ThrowsAsync<SpellException>(async () => await Store.SetAsync("spell", new string('%', 200), SpellValue.From(1), token));
        Assert.Equal(SpellErrorCode.BadArgument, error.Code);
        Assert.Contains("as a file name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_where_a_value_file_should_be_is_a_state_error_for_every_operation()
    {
        var token = TestContext.Current.CancellationToken;
        await Store.SetAsync("spell", "k", SpellValue.From(1), token);
        var file = Directory.GetFiles(_root, "*.json", SearchOption.AllDirectories).Single();
        File.Delete(file);
        Directory.CreateDirectory(file);

        foreach (var operation in new Func<Task>[]
        {
            async () => await Store.GetAsync("spell", "k", token),
            async () => await Store.SetAsync("spell", "k", SpellValue.From(2), token),
            async () => await StateUpdate.RunAsync(Store, "spell", "k", (old, _) => ValueTask.FromResult<SpellValue>(SpellValue.From(3)), token),
        })
        {
            var error = await Assert.ThrowsAsync<SpellException>(operation);
            Assert.Equal(SpellErrorCode.StateError, error.Code);
        }
    }

    [Fact]
    public async Task A_corrupt_file_is_reported_with_its_path_and_left_in_place()
    {
        await Store.SetAsync("spell", "k", SpellValue.From(1), TestContext.Current.CancellationToken);
        var file = Directory.GetFiles(_root, "*.json", SearchOption.AllDirectories).Single();
        await File.WriteAllTextAsync(file, "{not json", TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SpellException>(async () => await Store.GetAsync("spell", "k", TestContext.Current.CancellationToken));
        Assert.Equal(SpellErrorCode.StateError, error.Code);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Equal("{not json", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Concurrent_writers_never_leave_a_torn_value()
    {
        var big = SpellValue.From(new string('x', 200_000));
        await Parallel.ForAsync(0, 40, TestContext.Current.CancellationToken, async (i, token) =>
        {
            await Store.SetAsync("spell", "k", i % 2 == 0 ? big : SpellValue.From(i), token);
            var read = await Store.GetAsync("spell", "k", token);
            Assert.NotNull(read);
        });
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
