using System.Diagnostics;
using System.Diagnostics.Metrics;
using LlmSpell.Hosting.Application;
using LlmSpell.Running;
using LlmSpell.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace LlmSpell.Hosting.Tests;

/// <summary>What a run puts on LlmSpell's ActivitySource and Meter, whatever exports them.</summary>
[Collection(nameof(RunTelemetryTests))] // listeners see every run of the process: keep others out of the way
[CollectionDefinition(nameof(RunTelemetryTests), DisableParallelization = true)]
public sealed class RunTelemetryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(SpellRunReport Report, List<Activity> Spans, List<(string Name, double Value, Dictionary<string, object?> Tags)> Measurements)> RunAsync(string spell, Dictionary<string, string?>? settings = null)
    {
        var root = Directory.CreateTempSubdirectory("llmspell-telemetry-").FullName;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration[LlmSpellServiceCollectionExtensions.ContentRootKey] = root;
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? []) { ["llm:prices:mock/*:input"] = "2", ["llm:prices:mock/*:output"] = "4" });
        builder.Services.AddLlmSpell(builder.Configuration, s => s.AddLua());
        using var host = builder.Build();
        await host.StartAsync(Token);

        var spans = new List<Activity>();
        var measurements = new List<(string, double, Dictionary<string, object?>)>();
        var script = new SpellScript("traced.lua", spell);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SpellTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) { spans.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        using var meters = new MeterListener { InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == SpellTelemetry.Name) { l.EnableMeasurementEvents(instrument); } } };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }
            lock (measurements)
            {
                measurements.Add((instrument.Name, value, copy));
            }
        }
        meters.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        meters.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        meters.Start();

        var report = await host.Services.GetRequiredService<SpellRunService>().RunAsync(script, new SpellRunOptions(), Token);
        await host.StopAsync(Token);
        Directory.Delete(root, recursive: true);
        // Only this test's run: its spans share the run's trace.
        lock (spans)
        {
            var run = spans.Single(s => s.DisplayName == "run_spell traced.lua" && s.GetTagItem(SpellTelemetry.Attributes.SpellHash) as string == script.ContentHash);
            return (report, spans.Where(s => s.TraceId == run.TraceId).ToList(), measurements);
        }
    }

    [Fact]
    public async Task A_run_is_a_span_with_its_spell_engine_hash_tokens_and_cost_and_its_calls_are_children()
    {
        var (report, spans, measurements) = await RunAsync("""
            tools.register({ name = "twice", description = "doubles", parameters = { type = "object", properties = { n = { type = "number" } } },
              handler = function(a) return a.n * 2 end })
            local n = tools.call("twice", { n = 21 })
            state.set("n", n)
            return llm.complete("the answer is " .. n)
            """);

        Assert.True(report.Result.Succeeded, report.Result.Error?.ToString());
        var run = Assert.Single(spans, s => s.DisplayName == "run_spell traced.lua");
        Assert.Equal("lua", run.GetTagItem(SpellTelemetry.Attributes.Engine));
        Assert.Equal(report.Result.Usage.InputTokens, run.GetTagItem(SpellTelemetry.Attributes.GenAiInputTokens));
        Assert.Equal((double)report.Result.Usage.CostUsd, run.GetTagItem(SpellTelemetry.Attributes.CostUsd));

        var tool = Assert.Single(spans, s => s.DisplayName == "execute_tool twice");
        Assert.Equal("twice", tool.GetTagItem(SpellTelemetry.Attributes.GenAiToolName));
        Assert.True(Descends(tool, run, spans), "the tool call is under the run");
        Assert.Contains(spans, s => s.DisplayName == "state.set" && s.ParentSpanId == run.SpanId);
        var chat = Assert.Single(spans, s => (string?)s.GetTagItem("gen_ai.operation.name") == "chat");
        Assert.Equal("mock", chat.GetTagItem("gen_ai.provider.name"));
        Assert.NotNull(chat.GetTagItem("gen_ai.request.model"));
        Assert.True((double)chat.GetTagItem(SpellTelemetry.Attributes.CostUsd)! > 0);
        Assert.DoesNotContain(chat.TagObjects, t => t.Key.StartsWith("gen_ai.input", StringComparison.Ordinal));

        Assert.Contains(measurements, m => m.Name == "llmspell.runs" && (string?)m.Tags[SpellTelemetry.Attributes.Outcome] == "ok" && (string?)m.Tags[SpellTelemetry.Attributes.Engine] == "lua");
        Assert.Contains(measurements, m => m.Name == "llmspell.run.duration" && m.Value > 0);
        Assert.Contains(measurements, m => m.Name == "llmspell.llm.tokens" && (string?)m.Tags[SpellTelemetry.Attributes.GenAiTokenType] == "output" && m.Value > 0);
        Assert.Contains(measurements, m => m.Name == "llmspell.llm.cost" && Math.Abs(m.Value - (double)report.Result.Usage.CostUsd) < 1e-12);
    }

    private static bool Descends(Activity span, Activity ancestor, List<Activity> spans)
    {
        for (var current = span; spans.FirstOrDefault(s => s.SpanId == current.ParentSpanId) is { } parent; current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }
        return false;
    }

    [Fact]
    public async Task A_failed_run_is_an_error_span_with_its_code_and_line_and_counts_as_that_error()
    {
        var (report, spans, measurements) = await RunAsync("local x = 1\nerror({ code = 'not_found', message = 'nothing here' })");

        Assert.Equal("not_found", report.Result.Error?.Code);
        var run = Assert.Single(spans, s => s.DisplayName == "run_spell traced.lua");
        Assert.Equal(ActivityStatusCode.Error, run.Status);
        Assert.Equal("not_found", run.GetTagItem(SpellTelemetry.Attributes.ErrorType));
        Assert.Equal(2, run.GetTagItem(SpellTelemetry.Attributes.CodeLine));
        Assert.Contains(measurements, m => m.Name == "llmspell.errors" && (string?)m.Tags[SpellTelemetry.Attributes.ErrorType] == "not_found");
    }

    [Fact]
    public async Task Prompt_text_is_on_llm_spans_only_when_the_user_opts_in()
    {
        var (_, spans, _) = await RunAsync("return llm.complete('a secret prompt')", new() { ["telemetry:recordPrompts"] = "true" });

        var chat = Assert.Single(spans, s => (string?)s.GetTagItem("gen_ai.operation.name") == "chat");
        Assert.Contains(chat.TagObjects, t => t.Value is string text && text.Contains("a secret prompt", StringComparison.Ordinal));
        // The GenAI conventions' message shape.
        Assert.Equal("""[{"role":"user","parts":[{"type":"text","content":"a secret prompt"}]}]""", chat.GetTagItem("gen_ai.input.messages"));
    }
}
