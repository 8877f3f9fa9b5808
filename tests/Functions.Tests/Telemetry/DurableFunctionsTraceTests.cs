using System.Diagnostics;
using LlmSpell.Engines.JavaScript;
using LlmSpell.Orchestrations.Workflows;
using LlmSpell.Telemetry;
using LlmSpell.Testing;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Functions.Tests.Telemetry;

/// <summary>
/// The Functions app's orchestrator and activities on Microsoft.DurableTask's worker runtime: the
/// caller's trace context rides in the run's input, so every step and LLM call joins the caller's trace.
/// </summary>
public sealed class DurableFunctionsTraceTests
{
    [Fact]
    public async Task Steps_run_by_the_functions_activities_join_the_trace_that_started_the_run()
    {
        var ct = TestContext.Current.CancellationToken;
        var host = new SpellTestHost([new JavaScriptEngine()]);
        var archive = new SpellArchive(Directory.CreateTempSubdirectory("llmspell-trace-").FullName);
        var (hub, workflows) = await WorkflowFaces.StartFunctionsAsync(host, archive);
        await using var _ = hub;

        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SpellTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) { spans.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);

        var script = new Running.SpellScript("brief.js", await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "traced", "brief.js"), ct));
        using var caller = new Activity("caller").SetIdFormat(ActivityIdFormat.W3C).Start();
        var status = await WorkflowFaces.RunDurablyAsync(host, workflows, script, SpellValue.Map([new("topic", SpellValue.From("tides"))]), ct);
        caller.Stop();

        Assert.Equal(SpellValue.From("completed"), status.Get("status"));
        List<Activity> trace;
        lock (spans)
        {
            trace = spans.Where(s => s.TraceId == caller.TraceId).ToList();
        }
        var orchestration = Assert.Single(trace, s => s.DisplayName == "orchestration brief");
        Assert.Equal(caller.SpanId, orchestration.ParentSpanId);
        foreach (var path in new[] { "brief/facts/what", "brief/facts/why", "brief/join" })
        {
            var step = Assert.Single(trace, s => s.DisplayName == $"workflow_step {path}");
            Assert.Equal(orchestration.SpanId, step.ParentSpanId);
            Assert.Equal(ActivityKind.Consumer, step.Kind);
        }
        Assert.Equal(2, trace.Count(s => (string?)s.GetTagItem("gen_ai.operation.name") == "chat"));
    }
}
