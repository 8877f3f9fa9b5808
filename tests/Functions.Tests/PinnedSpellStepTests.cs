using LlmSpell.Engines.JavaScript;
using LlmSpell.Engines.Lua;
using LlmSpell.Running;
using LlmSpell.Testing;
using LlmSpell.Values;
using LlmSpell.Workflows;
using Xunit;

namespace LlmSpell.Functions.Tests;

/// <summary>A durable run's spell steps run the source the run started with, whatever the file says later.</summary>
public sealed class PinnedSpellStepTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("llmspell-pinned-").FullName;

    public void Dispose() => Directory.Delete(_project, recursive: true);

    [Fact]
    public async Task A_spell_step_runs_the_version_pinned_when_the_run_started_even_after_the_file_changes()
    {
        var ct = TestContext.Current.CancellationToken;
        var called = Path.Combine(_project, "greet.lua");
        await File.WriteAllTextAsync(called, "return 'hello ' .. input.who", ct);
        var mainPath = Path.Combine(_project, "main.js");
        const string Main = """
            const wf = workflow.sequential({ name: "pinned", steps: [
              { name: "gate", event: "go", timeout_ms: 30000 },
              { name: "greet", spell: "greet.lua" },
            ] });
            return await wf.run(input);
            """;
        await File.WriteAllTextAsync(mainPath, Main, ct);
        var spells = new Spells.FileSpellLibrary(_project, SandboxLimits.Default);
        await using var durable = new DurableFixture(spells);
        var host = new SpellTestHost([new LuaEngine(), new JavaScriptEngine()], spells: spells);
        await durable.StartWorkerAsync(host);

        var script = await SpellScript.LoadAsync(mainPath, SandboxLimits.Default, _project, ct);
        var declared = (SpellMap)(await host.Runner.RunAsync(script, new SpellRunOptions { Workflow = new WorkflowInvocation.Capture() }, ct)).Value;
        var id = await durable.Workflows.StartAsync(script, declared.Get("workflow"), declared.Get("input"), SpellMap.Empty, null, ct);
        await File.WriteAllTextAsync(called, "return 'changed ' .. input.who", ct);
        await durable.Workflows.RaiseAsync(id, "go", SpellValue.Map([new("who", SpellValue.From("ada"))]), ct);

        var outcome = (SpellMap)await durable.Workflows.WaitAsync(id, ct);
        Assert.Equal(SpellValue.From("hello ada"), outcome.Get("output"));
    }
}
