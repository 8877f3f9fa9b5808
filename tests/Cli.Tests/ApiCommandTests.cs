using LlmSpell.Api;
using LlmSpell.Testing;
using Xunit;

namespace LlmSpell.Cli.Tests;

public sealed class ApiCommandTests : IDisposable
{
    private readonly LlmSpellProcess _llmspell = new();

    [Fact]
    public async Task Declarations_cover_every_api_function_in_typescript_and_lua()
    {
        var (exit, _, error) = await _llmspell.RunAsync("api", "--out", "decl");
        Assert.True(exit == 0, error);
        var typescript = await File.ReadAllTextAsync(Path.Combine(_llmspell.WorkingDirectory, "decl", "llmspell.d.ts"), TestContext.Current.CancellationToken);
        var lua = await File.ReadAllTextAsync(Path.Combine(_llmspell.WorkingDirectory, "decl", "llmspell.lua"), TestContext.Current.CancellationToken);
        foreach (var module in SpellApi.Standard.Modules)
        {
            Assert.Contains($"declare const {module.Name}: {{", typescript, StringComparison.Ordinal);
            foreach (var function in module.Functions)
            {
                Assert.Contains($"  {function.Name}(", typescript, StringComparison.Ordinal);
                Assert.Contains($"function {function.QualifiedName}(", lua, StringComparison.Ordinal);
            }
        }

        Assert.Contains("sleep(ms: number): Promise<void>;", typescript, StringComparison.Ordinal);
        Assert.Contains("complete(prompt: string, opts?: { [key: string]: SpellValue }): Promise<string>;", typescript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lua_annotations_are_valid_lua()
    {
        await _llmspell.RunAsync("api", "--out", "decl", "--engine", "lua");
        var (exit, _, error) = await _llmspell.RunAsync("run", Path.Combine("decl", "llmspell.lua"));
        Assert.True(exit == 0, error);
    }

    [Fact]
    public async Task The_tengo_stub_module_lists_every_function_and_compiles()
    {
        var (exit, _, error) = await _llmspell.RunAsync("api", "--out", "decl", "--engine", "tengo");
        Assert.True(exit == 0, error);
        var path = Path.Combine(_llmspell.WorkingDirectory, "decl", "llmspell.tengo");
        var tengo = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        foreach (var module in SpellApi.Standard.Modules)
        {
            Assert.Contains($"\n{module.Name} := {{\n", tengo, StringComparison.Ordinal);
            foreach (var function in module.Functions)
            {
                Assert.Contains($"    {function.Name}: func(", tengo, StringComparison.Ordinal);
            }
        }

        Assert.Contains("// json := import(\"llmspell/json\")", tengo, StringComparison.Ordinal);
        Assert.Contains("// llm := import(\"llm\")", tengo, StringComparison.Ordinal);

        // Its functions cannot leave a run, so the check exports something plain instead.
        await File.WriteAllTextAsync(path, tengo.Replace("\nexport {", "\nexport \"compiles\"\nx := {", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var run = await _llmspell.RunAsync("run", Path.Combine("decl", "llmspell.tengo"));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("compiles\n", run.Out);
    }

    [Fact]
    public async Task An_unknown_engine_is_bad_usage()
    {
        var (exit, _, error) = await _llmspell.RunAsync("api", "--engine", "cobol");
        Assert.Equal(2, exit);
        Assert.Contains("no engine 'cobol'", error, StringComparison.Ordinal);
    }

    public void Dispose() => _llmspell.Dispose();
}
