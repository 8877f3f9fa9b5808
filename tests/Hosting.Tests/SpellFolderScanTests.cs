using LlmSpell.Engines.JavaScript;
using LlmSpell.Engines.Lua;
using LlmSpell.Engines.Tengo;
using LlmSpell.Errors;
using LlmSpell.Hosting.Spells;
using LlmSpell.Testing;
using Xunit;

namespace LlmSpell.Hosting.Tests;

/// <summary>What <c>llmspell validate</c> and the servers see of a folder: a spell that does not parse is a problem at its file:line, and is not served.</summary>
public sealed class SpellFolderScanTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("llmspell-scan-").FullName;

    [Fact]
    public async Task A_spell_that_does_not_parse_is_reported_at_its_line_in_every_language()
    {
        Write("good", "good.lua", "return 1\n");
        Write("broken-lua", "broken-lua.lua", "local x = 1\nlocal y = = 2\n");
        Write("broken-js", "broken-js.js", "const a = 1;\nconst = 2;\n");
        Write("broken-tengo", "broken-tengo.tengo", "a := 1\nb := )\n");
        // Tengo resolves names when it compiles: an unknown import is caught too.
        Write("unknown-import", "unknown-import.tengo", "x := 1\nos := import(\"os\")\n");
        var host = new SpellTestHost([new LuaEngine(), new JavaScriptEngine(), new TengoEngine()]);

        var scan = await SpellFolderScan.ScanAsync(_root, host.Runner, TestContext.Current.CancellationToken);

        Assert.Equal(["good"], scan.Spells.Select(s => s.Name));
        Assert.Equal(4, scan.Problems.Count);
        foreach (var problem in scan.Problems)
        {
            Assert.Equal(SpellErrorCode.SyntaxError, problem.Code);
            Assert.True(problem.Location is { Line: 2 }, $"{problem}");
            Assert.StartsWith(_root, problem.Location!.File, StringComparison.Ordinal);
        }
        Assert.Equal(["broken-js.js", "broken-lua.lua", "broken-tengo.tengo", "unknown-import.tengo"],
            scan.Problems.Select(p => Path.GetFileName(p.Location!.File)).Order(StringComparer.Ordinal));
    }

    private void Write(string name, string file, string source)
    {
        File.WriteAllText(Path.Combine(_root, name + ".spell.json"), $$"""{ "name": "{{name}}" }""");
        File.WriteAllText(Path.Combine(_root, file), source);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
