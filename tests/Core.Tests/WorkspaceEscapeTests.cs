using LlmSpell.Engines.Lua;
using LlmSpell.Errors;
using LlmSpell.Testing;
using LlmSpell.Tools.BuiltIn;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Tests;

/// <summary>The file tools stay in the spell's workspace whatever links someone has placed in it.</summary>
public sealed class WorkspaceEscapeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("llmspell-ws-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("llmspell-outside-").FullName;
    private readonly SpellTestHost _host;

    public WorkspaceEscapeTests()
    {
        _host = new SpellTestHost([new LuaEngine()], toolOptions: new BuiltInToolOptions { WorkspaceRoot = _root, MaxWorkspaceBytes = 10_000, MaxWorkspaceFiles = 5 });
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "outside");
    }

    // The spell "probe.lua" has the state scope "probe": its workspace is ROOT/probe.
    private string Workspace => Directory.CreateDirectory(Path.Combine(_root, "probe")).FullName;

    private Task<SpellOutcome> Run(string source) => _host.RunAsync("probe.lua", source, cancellationToken: TestContext.Current.CancellationToken);

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    [Fact]
    public async Task A_link_to_a_folder_outside_is_not_listed_nor_entered()
    {
        Directory.CreateSymbolicLink(Path.Combine(Workspace, "out"), _outside);
        File.CreateSymbolicLink(Path.Combine(Workspace, "file-link.txt"), Path.Combine(_outside, "secret.txt"));
        File.WriteAllText(Path.Combine(Workspace, "mine.txt"), "mine");

        var listed = await Run("return tools.call('file_list', {})");
        Assert.Equal(SpellJson.Parse("""["mine.txt"]"""), listed.Value);
        var through = await Run("return tools.call('file_read', { path = 'out/secret.txt' })");
        Assert.Equal(SpellErrorCode.BadArgument, through.Error.Code);
        Assert.Contains("goes through a link", through.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hard_link_to_a_file_outside_is_neither_read_nor_written_through()
    {
        var link = Path.Combine(Workspace, "hard.txt");
        using (var ln = System.Diagnostics.Process.Start("ln", [Path.Combine(_outside, "secret.txt"), link]))
        {
            await ln.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var read = await Run("return tools.call('file_read', { path = 'hard.txt' })");
        Assert.Equal(SpellErrorCode.BadArgument, read.Error.Code);
        Assert.Contains("hard link", read.Error.Message, StringComparison.Ordinal);
        var append = await Run("return tools.call('file_write', { path = 'hard.txt', content = 'x', append = true })");
        Assert.Equal(SpellErrorCode.BadArgument, append.Error.Code);

        // Overwriting replaces the workspace's name; the outside file keeps its content.
        var write = await Run("tools.call('file_write', { path = 'hard.txt', content = 'replaced' }) return tools.call('file_read', { path = 'hard.txt' })");
        Assert.Equal(SpellValue.From("replaced"), write.Value);
        Assert.Equal("outside", File.ReadAllText(Path.Combine(_outside, "secret.txt")));
    }

    [Theory]
    [InlineData("'a\\0b'", "NUL")]
    [InlineData("string.rep('n', 300)", "longer than 255 bytes")]
    [InlineData("string.rep('d/', 40) .. 'f'", "names deep")]
    public async Task Bad_names_are_a_bad_argument_not_a_host_error(string path, string problem)
    {
        var outcome = await Run($"return tools.call('file_write', {{ path = {path}, content = 'x' }})");
        Assert.Equal(SpellErrorCode.BadArgument, outcome.Error.Code);
        Assert.Contains(problem, outcome.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workspace_has_a_quota_of_bytes_and_files()
    {
        var bytes = await Run("for i = 1, 3 do tools.call('file_write', { path = 'big' .. i, content = string.rep('x', 4000) }) end");
        Assert.Equal(SpellErrorCode.BadArgument, bytes.Error.Code);
        Assert.Contains("tools.workspace.maxBytes", bytes.Error.Message, StringComparison.Ordinal);

        var files = await Run("for i = 1, 10 do tools.call('file_write', { path = 'small' .. i, content = 'x' }) end");
        Assert.Equal(SpellErrorCode.BadArgument, files.Error.Code);
        Assert.Contains("tools.workspace.maxFiles", files.Error.Message, StringComparison.Ordinal);

        // Rewriting a file counts its new size, not both.
        var rewrite = await Run("for i = 1, 5 do tools.call('file_write', { path = 'big1', content = string.rep('y', 4000) }) end return 'ok'");
        Assert.Equal(SpellValue.From("ok"), rewrite.Value);
    }
}
