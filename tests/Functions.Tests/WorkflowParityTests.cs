using LlmSpell.Running;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Functions.Tests;

/// <summary>
/// The workflow semantics are one: every parity spell gives the same result in-process, on the
/// embedded durable engine, on Durable Functions' worker runtime and on the Durable Task Framework
/// over Azure Storage (the same output, or the same failure with the same message).
/// </summary>
public sealed class WorkflowParityTests(WorkflowFaces faces) : IClassFixture<WorkflowFaces>
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "parity");

    public static TheoryData<string> Spells() => new(Directory.GetFiles(Folder).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Spells))]
    public async Task A_workflow_means_the_same_on_every_face(string file)
    {
        var ct = TestContext.Current.CancellationToken;
        var name = Path.GetFileNameWithoutExtension(file);
        var script = new SpellScript(file, await File.ReadAllTextAsync(Path.Combine(Folder, file), ct), Path.Combine(Folder, file), id: name);
        var inputs = (SpellMap)SpellJson.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "inputs.json"), ct));
        var input = (SpellMap)inputs[name];

        var local = await faces.InProcess.Runner.RunAsync(script, new SpellRunOptions { Input = input }, ct);
        var embedded = await WorkflowFaces.RunDurablyAsync(faces.EmbeddedHost, faces.Embedded, script, input, ct);
        var functions = await WorkflowFaces.RunDurablyAsync(faces.FunctionsHost, faces.Functions, script, input, ct);
        var azureStorage = await WorkflowFaces.RunDurablyAsync(faces.AzureStorageHost, faces.AzureStorage, script, input, ct);

        // Every durable engine reports the same run.
        // (Not which step finished last: parallel branches may finish in any order.)
        foreach (var field in new[] { "name", "spell", "status", "output", "error" })
        {
            Assert.True(Equals(embedded.Get(field), functions.Get(field)), $"{field}: embedded {embedded}, Durable Functions {functions}");
            Assert.True(Equals(embedded.Get(field), azureStorage.Get(field)), $"{field}: embedded {embedded}, DTFx on Azure Storage {azureStorage}");
        }
        Assert.Equal(Completed(embedded), Completed(functions));
        Assert.Equal(Completed(embedded), Completed(azureStorage));
        // And it is the in-process run's outcome.
        if (local.Error is { } error)
        {
            Assert.Equal("failed", ((SpellString)embedded["status"]).Value);
            Assert.Contains(error.Message, ((SpellString)embedded["error"]).Value, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(((SpellString)embedded["status"]).Value == "completed", $"in-process {local.Value}, durable {embedded}");
            Assert.Equal(SpellJson.Parse(SpellJson.Serialize(local.Value)), embedded["output"]);
        }
    }

    [Theory]
    [InlineData("grace", "decided by grace")]
    [InlineData(null, "did not arrive within 1500 ms")]
    public async Task An_event_step_gets_its_event_or_times_out_alike_on_every_durable_engine(string? by, string expected)
    {
        var ct = TestContext.Current.CancellationToken;
        const string Source = """
            local approval = workflow.sequential({ name = "approval", steps = {
              function(x) return "asked " .. x end,
              { name = "wait", event = "approve", timeout_ms = 1500 },
              function(decision) return "decided by " .. decision.by end } })
            return approval.run(input.who)
            """;
        var outcomes = new List<SpellMap>();
        foreach (var (host, workflows) in new[] { (faces.EmbeddedHost, faces.Embedded), (faces.FunctionsHost, faces.Functions), (faces.AzureStorageHost, faces.AzureStorage) })
        {
            var script = new SpellScript("approval.lua", Source, id: "approval");
            var input = SpellValue.Map([new("who", SpellValue.From("ada"))]);
            var declared = (SpellMap)(await host.Runner.RunAsync(script, new SpellRunOptions { Input = input, Workflow = new LlmSpell.Workflows.WorkflowInvocation.Capture() }, ct)).Value;
            var id = await workflows.StartAsync(script, declared.Get("workflow"), declared.Get("input"), input, null, ct);
            if (by is not null)
            {
                await workflows.RaiseAsync(id, "approve", SpellValue.Map([new("by", SpellValue.From(by))]), ct);
            }
            outcomes.Add((SpellMap)await workflows.WaitAsync(id, ct));
        }
        foreach (var outcome in outcomes)
        {
            var said = outcome.Get("output") is SpellString output ? output.Value : ((SpellString)outcome["error"]).Value;
            Assert.Contains(expected, said, StringComparison.Ordinal);
        }
        foreach (var other in outcomes.Skip(1))
        {
            Assert.Equal(outcomes[0].Get("error"), other.Get("error"));
            Assert.Equal(outcomes[0].Get("output"), other.Get("output"));
        }
    }

    [Fact]
    public async Task An_event_step_takes_the_event_another_spell_emits_to_its_run_on_every_durable_engine()
    {
        var ct = TestContext.Current.CancellationToken;
        const string Waiting = """
            local approval = workflow.sequential({ name = "approval", steps = {
              { name = "wait", event = "approve", timeout_ms = 30000 },
              function(decision) return "decided by " .. decision.by end } })
            return approval.run()
            """;
        const string Emitting = """
            return await events.emit("approve", { by: "grace" }, { run: input.id });
            """;
        foreach (var (host, workflows) in new[] { (faces.EmbeddedHost, faces.Embedded), (faces.FunctionsHost, faces.Functions), (faces.AzureStorageHost, faces.AzureStorage) })
        {
            var script = new SpellScript("approval.lua", Waiting, id: "approval");
            var declared = (SpellMap)(await host.Runner.RunAsync(script, new SpellRunOptions { Workflow = new LlmSpell.Workflows.WorkflowInvocation.Capture() }, ct)).Value;
            var id = await workflows.StartAsync(script, declared.Get("workflow"), declared.Get("input"), SpellMap.Empty, null, ct);

            var emitter = await host.Runner.RunAsync(new SpellScript("emit.js", Emitting), new SpellRunOptions { Input = SpellValue.Map([new("id", SpellValue.From(id))]), Workflows = workflows }, ct);

            Assert.Null(emitter.Error);
            Assert.Equal(SpellValue.From(0), emitter.Value); // no handler of its own ran
            Assert.Equal("approve", Assert.Single(emitter.Events).Name);
            var outcome = (SpellMap)await workflows.WaitAsync(id, ct);
            Assert.Equal(SpellValue.From("decided by grace"), outcome.Get("output"));
        }
    }

    private static SpellValue? Completed(SpellMap status) => (status.Get("progress") as SpellMap)?.Get("completed");
}
