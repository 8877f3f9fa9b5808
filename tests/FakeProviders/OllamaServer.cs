using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LlmSpell.FakeProviders;

/// <summary>The Ollama wire format: POST /api/chat (JSON, or NDJSON lines when streaming), GET /api/tags.</summary>
public sealed class OllamaServer : FakeVendorServer
{
    public static async Task<OllamaServer> StartAsync()
    {
        var server = new OllamaServer();
        await server.ListenAsync();
        return server;
    }

    protected override string BasePath => "/";

    protected override void MapRoutes(WebApplication app)
    {
        app.MapPost("/api/chat", ChatAsync);
        app.MapGet("/api/tags", async context =>
        {
            RecordBodiless(context);
            var models = new JsonArray(
                new JsonObject { ["name"] = "llama3.2:latest", ["model"] = "llama3.2:latest", ["modified_at"] = "2025-01-01T00:00:00Z", ["size"] = 2_019_393_189, ["digest"] = "a80c4f17acd5", ["details"] = new JsonObject { ["format"] = "gguf", ["family"] = "llama", ["parameter_size"] = "3.2B", ["quantization_level"] = "Q4_K_M" } });
            await WriteJsonAsync(context, 200, new JsonObject { ["models"] = models });
        });
    }

    private async Task ChatAsync(HttpContext context)
    {
        var (request, reply) = await ReceiveAsync(context);
        var model = (string?)request["model"] ?? "unknown";
        var stream = (bool?)request["stream"] ?? true;
        switch (reply)
        {
            case RawReply raw:
                await WriteRawAsync(context, raw);
                break;
            case ErrorReply error:
                await WriteJsonAsync(context, error.Status, new JsonObject { ["error"] = error.Message }, error.RetryAfterSeconds);
                return;
            case TextReply text when !stream:
                await WriteJsonAsync(context, 200, Line(model, new JsonObject { ["role"] = "assistant", ["content"] = text.Text }, text));
                return;
            case ToolCallReply tools:
                var calls = new JsonArray([.. tools.Calls.Select(c => (JsonNode)new JsonObject { ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = JsonNode.Parse(c.ArgumentsJson) } })]);
                var message = new JsonObject { ["role"] = "assistant", ["content"] = "", ["tool_calls"] = calls };
                if (stream)
                {
                    await WriteLinesAsync(context, [Line(model, message, null), Line(model, new JsonObject { ["role"] = "assistant", ["content"] = "" }, FakeReply.Answer("", 20, 10))]);
                }
                else
                {
                    await WriteJsonAsync(context, 200, Line(model, message, FakeReply.Answer("", 20, 10)));
                }

                return;
            case TextReply text:
                var lines = text.Chunks.Select(c => Line(model, new JsonObject { ["role"] = "assistant", ["content"] = c }, null)).ToList();
                lines.Add(Line(model, new JsonObject { ["role"] = "assistant", ["content"] = "" }, text));
                await WriteLinesAsync(context, lines);
                return;
        }
    }

    private static JsonObject Line(string model, JsonObject message, FakeReply? final)
    {
        var line = new JsonObject { ["model"] = model, ["created_at"] = "2025-01-01T00:00:00.000000Z", ["message"] = message, ["done"] = final is not null };
        if (final is TextReply text)
        {
            line["done_reason"] = text.Finish == "length" ? "length" : "stop";
            line["total_duration"] = 5_191_566_416;
            line["load_duration"] = 2_154_458;
            line["prompt_eval_count"] = text.InputTokens;
            line["prompt_eval_duration"] = 383_809_000;
            line["eval_count"] = text.OutputTokens;
            line["eval_duration"] = 4_799_921_000;
        }

        return line;
    }

    private static async Task WriteLinesAsync(HttpContext context, IEnumerable<JsonObject> lines)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/x-ndjson";
        foreach (var line in lines)
        {
            await context.Response.WriteAsync(line.ToJsonString() + "\n");
            await context.Response.Body.FlushAsync();
        }
    }
}
