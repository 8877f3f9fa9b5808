using LlmSpell.Engines.JavaScript;
using LlmSpell.Engines.Lua;
using LlmSpell.Engines.Tengo;
using LlmSpell.Orchestrations.Workflows;
using LlmSpell.Running;
using LlmSpell.Testing;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Functions.Tests;

/// <summary>
/// The conformance cases that start durable runs (<c>workflow.start/wait/raise/status</c>), on every
/// engine, with the Functions app's orchestrations on the Microsoft.DurableTask runtime behind them:
/// what a spell sees of its durable runs does not depend on which engine carries them out.
/// </summary>
public sealed class DurableConformanceTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "conformance");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(Root).Order(StringComparer.Ordinal))
        {
            foreach (var extension in new[] { ".lua", ".js", ".tengo" })
            {
                data.Add(Path.GetFileName(folder), extension);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_durable_case_passes_on_Durable_Functions(string caseName, string extension)
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(Root, caseName);
        var expect = (SpellMap)SpellJson.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "expect.json"), ct));
        var file = "case" + extension;
        var host = new SpellTestHost([new LuaEngine(), new JavaScriptEngine(), new TengoEngine()]);
        var archive = Directory.CreateTempSubdirectory("llmspell-functions-case-");
        var (hub, workflows) = await WorkflowFaces.StartFunctionsAsync(host, new SpellArchive(archive.FullName));
        try
        {
            var result = await host.Runner.RunAsync(new SpellScript(file, await File.ReadAllTextAsync(Path.Combine(folder, file), ct)),
                new SpellRunOptions { Input = expect.Get("input") as SpellMap ?? SpellMap.Empty, Workflows = workflows, Limits = SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(60) } }, ct);
            Assert.True(result.Error is null, $"{caseName}/{file}: {result.Error}");
            Assert.Equal(expect.Get("result"), SpellJson.Parse(SpellJson.Serialize(result.Value)));
        }
        finally
        {
            await hub.DisposeAsync();
            archive.Delete(recursive: true);
        }
    }
}
