using LlmSpell.Testing;
using Xunit;

namespace LlmSpell.Cli.Tests;

/// <summary>A spell is known by its path in the project, so two files of one name keep apart.</summary>
public sealed class SpellIdentityTests
{
    [Fact]
    public async Task Spells_of_the_same_file_name_in_two_folders_do_not_share_state()
    {
        using var cli = new LlmSpellProcess();
        Directory.CreateDirectory(Path.Combine(cli.WorkingDirectory, "a"));
        Directory.CreateDirectory(Path.Combine(cli.WorkingDirectory, "b"));
        cli.Write("a/main.lua", "state.set('who', 'a') return state.get('who')");
        cli.Write("b/main.lua", "return state.get('who') or 'nobody'");

        Assert.Equal("a", (await cli.RunAsync("run", "a/main.lua")).Out.Trim());
        Assert.Equal("nobody", (await cli.RunAsync("run", "b/main.lua")).Out.Trim());
        Assert.Equal("a", (await cli.RunAsync("run", Path.Combine(cli.WorkingDirectory, "a", "main.lua"))).Out.Trim());
    }
}
