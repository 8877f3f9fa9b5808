using System.Net;
using System.Text.Json;
using LlmSpell.Functions.Tests.HttpContract;
using LlmSpell.Testing;
using Xunit;

namespace LlmSpell.Functions.Tests.Telemetry;

/// <summary>
/// A workflow started over HTTP on <c>llmspell serve</c>, exported by OTLP/HTTP to a collector in
/// the test: one trace holds the request, the orchestration, every step and every LLM call.
/// </summary>
public sealed class ServeTraceTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string CallerSpan = "00f067aa0ba902b7";

    [Fact]
    public async Task One_trace_covers_the_request_the_orchestration_each_step_and_each_llm_call()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var collector = new OtlpReceiver();
        await using var serve = await ServeServer.StartWithAsync(Path.Combine(AppContext.BaseDirectory, "traced"), cli =>
        {
            cli.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.AbsoluteUri;
            cli.Environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            cli.Environment["OTEL_BSP_SCHEDULE_DELAY"] = "100";
            // Priced, so the cost on each LLM span is not zero: $1 / $2 per million tokens.
            cli.Write("llmspell.json", """{ "llm": { "prices": { "mock/*": { "input": 1, "output": 2 } } } }""");
        });

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflows/brief") { Content = new StringContent("""{ "topic": "tides" }""") };
        request.Headers.Add("traceparent", $"00-{TraceId}-{CallerSpan}-01");
        using var started = await serve.Client.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        using var urls = JsonDocument.Parse(await started.Content.ReadAsStringAsync(ct));
        Assert.Equal("Completed", await CompletedAsync(serve.Client, urls.RootElement.GetProperty("statusQueryGetUri").GetString()!));

        var received = await collector.WaitForAsync(
            all => all.Count(s => s.Name.StartsWith("chat", StringComparison.Ordinal)) >= 2 && all.Count(s => s.Name.StartsWith("workflow_step", StringComparison.Ordinal)) >= 3,
            TimeSpan.FromSeconds(60));

        // Everything the run did is in the caller's trace (the status polls are requests of their own).
        Assert.All(received.Where(s => s.Scope == "LlmSpell"), s => Assert.Equal(TraceId, s.TraceId));
        var spans = received.Where(s => s.TraceId == TraceId).ToList();
        var byId = spans.ToDictionary(s => s.SpanId);
        var server = Assert.Single(spans, s => s.Kind == OtlpSpanKind.Server);
        Assert.Equal(CallerSpan, server.ParentSpanId);

        var orchestration = Assert.Single(spans, s => s.Name == "orchestration brief");
        Assert.Equal(OtlpSpanKind.Producer, orchestration.Kind);
        Assert.True(Descends(orchestration, server, byId), "the orchestration is under the HTTP request");

        string[] steps = ["brief/facts/what", "brief/facts/why", "brief/join"];
        foreach (var path in steps)
        {
            var step = Assert.Single(spans, s => s.Name == $"workflow_step {path}");
            Assert.Equal(OtlpSpanKind.Consumer, step.Kind);
            Assert.Equal(orchestration.SpanId, step.ParentSpanId);
            // The step's fresh sandbox runs the pinned spell under the step.
            Assert.Contains(spans, s => s.Name == "run_spell brief.js" && s.ParentSpanId == step.SpanId);
        }

        var chats = spans.Where(s => (string?)s["gen_ai.operation.name"] == "chat").ToList();
        Assert.Equal(2, chats.Count);
        foreach (var chat in chats)
        {
            Assert.True(Descends(chat, orchestration, byId), $"{chat.Name} is under the orchestration");
            Assert.Equal("mock", chat["gen_ai.provider.name"]);
            Assert.NotNull(chat["gen_ai.request.model"]);
            var input = Assert.IsType<long>(chat["gen_ai.usage.input_tokens"]);
            var output = Assert.IsType<long>(chat["gen_ai.usage.output_tokens"]);
            Assert.True(input > 0 && output > 0);
            Assert.Equal((input * 1.0 + output * 2.0) / 1_000_000, Assert.IsType<double>(chat["llmspell.cost_usd"]), 12);
            // No prompt or answer text unless the user opts in.
            Assert.DoesNotContain(chat.Attributes.Keys, k => k.StartsWith("gen_ai.input", StringComparison.Ordinal) || k.StartsWith("gen_ai.output", StringComparison.Ordinal));
            Assert.DoesNotContain(chat.Attributes.Values, v => v is string text && text.Contains("tides", StringComparison.Ordinal));
        }

        Assert.All(spans.Where(s => s.Name.StartsWith("run_spell", StringComparison.Ordinal)), run =>
        {
            Assert.Equal("js", run["llmspell.engine"]);
            Assert.Equal(64, ((string)run["llmspell.spell.hash"]!).Length);
        });
        Assert.Equal("llmspell-serve", server.Service);
    }

    private static bool Descends(OtlpSpan span, OtlpSpan ancestor, Dictionary<string, OtlpSpan> byId)
    {
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }
        return false;
    }

    private static async Task<string> CompletedAsync(HttpClient client, string statusUrl)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync(statusUrl, TestContext.Current.CancellationToken));
            var runtime = status.RootElement.GetProperty("runtimeStatus").GetString()!;
            if (runtime is not ("Pending" or "Running") || DateTime.UtcNow > deadline)
            {
                return runtime;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
