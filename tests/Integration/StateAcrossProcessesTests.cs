using LlmSpell.Testing;
using Xunit;

namespace LlmSpell.Integration;

/// <summary>
/// <c>state.update</c> is a compare-and-swap in the store itself, so two programs updating one key
/// at the same time lose nothing — on the local file store and on shared blob storage.
/// </summary>
public sealed class StateAcrossProcessesTests
{
    private const int UpdatesPerProcess = 200;

    [Theory]
    [InlineData("file")]
    [InlineData("blob")]
    public async Task Two_processes_updating_one_key_lose_no_update(string store)
    {
        using var cli = new LlmSpellProcess();
        await using var azurite = store == "blob" ? new AzuriteFixture() : null;
        if (azurite is not null)
        {
            cli.Write("llmspell.json", $$"""{ "durable": { "provider": "azure-storage", "connectionString": "{{azurite.ConnectionString}}", "taskHub": "counters" } }""");
        }

        cli.Write("count.lua", $$"""
            for i = 1, {{UpdatesPerProcess}} do
              state.update("n", function(n) return (n or 0) + 1 end)
            end
            return "done"
            """);
        var runs = await Task.WhenAll(cli.RunAsync("run", "count.lua", "--timeout", "300"), cli.RunAsync("run", "count.lua", "--timeout", "300"));
        foreach (var (code, output, error) in runs)
        {
            Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
        }

        cli.Write("read.lua", "return state.get('n')");
        File.Move(Path.Combine(cli.WorkingDirectory, "read.lua"), Path.Combine(cli.WorkingDirectory, "count.lua"), overwrite: true);
        var read = await cli.RunAsync("run", "count.lua");
        Assert.True(read.ExitCode == 0, read.Error);
        Assert.Equal((2 * UpdatesPerProcess).ToString(System.Globalization.CultureInfo.InvariantCulture), read.Out.Trim());
    }
}
