using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LlmSpell.FakeProviders;

/// <summary>The Anthropic Messages wire format: POST /v1/messages (JSON or SSE events), GET /v1/models.</summary>
public sealed class AnthropicServer : FakeVendorServer
{
    public static async Task<AnthropicServer> StartAsync()
    {
        var server = new AnthropicServer();
        await server.ListenAsync();
        return server;
    }

    protected override string BasePath => "/";

    protected override void MapRoutes(WebApplication app)
    {
        app.MapPost("/v1/messages", MessagesAsync);
        app.MapGet("/v1/models", async context =>
        {
            RecordBodiless(context);
            var data = new JsonArray(
                new JsonObject { ["type"] = "model", ["id"] = "claude-sonnet-4-5", ["display_name"] = "Claude Sonnet 4.5", ["created_at"] = "2025-09-29T00:00:00Z" },
                new JsonObject { ["type"] = "model", ["id"] = "claude-haiku-4-5", ["display_name"] = "Claude Haiku 4.5", ["created_at"] = "2025-10-01T00:00:00Z" });
            await WriteJsonAsync(context, 200, new JsonObject { ["data"] = data, ["has_more"] = false, ["first_id"] = "claude-sonnet-4-5", ["last_id"] = "claude-haiku-4-5" });
        });
    }

    private async Task MessagesAsync(HttpContext context)
    {
        var (request, reply) = await ReceiveAsync(context);
        var model = (string?)request["model"] ?? "unknown";
        var stream = (bool?)request["stream"] ?? false;
        switch (reply)
        {
            case RawReply raw:
                await WriteRawAsync(context, raw);
                break;
            case ErrorReply error:
                await WriteJsonAsync(context, error.Status, new JsonObject { ["type"] = "error", ["error"] = new JsonObject { ["type"] = error.Type, ["message"] = error.Message } }, error.RetryAfterSeconds);
                break;
            case TextReply text when !stream:
                await WriteJsonAsync(context, 200, Message(model, new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text.Text }), StopReason(text.Finish), text.InputTokens, text.OutputTokens));
                break;
            case ToolCallReply tools when !stream:
                var blocks = new JsonArray([.. tools.Calls.Select(c => (JsonNode)new JsonObject { ["type"] = "tool_use", ["id"] = c.Id, ["name"] = c.Name, ["input"] = JsonNode.Parse(c.ArgumentsJson) })]);
                await WriteJsonAsync(context, 200, Message(model, blocks, "tool_use", 20, 10));
                break;
            case TextReply text:
                var events = Start(model, text.InputTokens);
                events.Add(("content_block_start", Json(new JsonObject { ["type"] = "content_block_start", ["index"] = 0, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" } })));
                events.Add(("ping", "{\"type\": \"ping\"}"));
                events.AddRange(text.Chunks.Select(c => ("content_block_delta", Json(new JsonObject { ["type"] = "content_block_delta", ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = c } }))));
                events.Add(("content_block_stop", Json(new JsonObject { ["type"] = "content_block_stop", ["index"] = 0 })));
                events.AddRange(Stop(StopReason(text.Finish), text.OutputTokens));
                await WriteEventsAsync(context, events.Select(e => ((string?)e.Event, e.Data)));
                break;
            case ToolCallReply tools:
                var toolEvents = Start(model, 20);
                for (var i = 0; i < tools.Calls.Count; i++)
                {
                    var (id, name, arguments) = tools.Calls[i];
                    toolEvents.Add(("content_block_start", Json(new JsonObject { ["type"] = "content_block_start", ["index"] = i, ["content_block"] = new JsonObject { ["type"] = "tool_use", ["id"] = id, ["name"] = name, ["input"] = new JsonObject() } })));
                    foreach (var piece in arguments.Chunk(8).Select(c => new string(c)))
                    {
                        toolEvents.Add(("content_block_delta", Json(new JsonObject { ["type"] = "content_block_delta", ["index"] = i, ["delta"] = new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = piece } })));
                    }

                    toolEvents.Add(("content_block_stop", Json(new JsonObject { ["type"] = "content_block_stop", ["index"] = i })));
                }

                toolEvents.AddRange(Stop("tool_use", 10));
                await WriteEventsAsync(context, toolEvents.Select(e => ((string?)e.Event, e.Data)));
                break;
        }
    }

    private static string StopReason(string finish) => finish switch { "length" => "max_tokens", _ => "end_turn" };

    private static string Json(JsonNode node) => node.ToJsonString();

    private static List<(string Event, string Data)> Start(string model, int inputTokens) =>
    [
        ("message_start", Json(new JsonObject
        {
            ["type"] = "message_start",
            ["message"] = new JsonObject { ["id"] = "msg_fake", ["type"] = "message", ["role"] = "assistant", ["content"] = new JsonArray(), ["model"] = model, ["stop_reason"] = null, ["stop_sequence"] = null, ["usage"] = new JsonObject { ["input_tokens"] = inputTokens, ["output_tokens"] = 1 } },
        })),
    ];

    private static IEnumerable<(string Event, string Data)> Stop(string stopReason, int outputTokens) =>
    [
        ("message_delta", Json(new JsonObject { ["type"] = "message_delta", ["delta"] = new JsonObject { ["stop_reason"] = stopReason, ["stop_sequence"] = null }, ["usage"] = new JsonObject { ["output_tokens"] = outputTokens } })),
        ("message_stop", Json(new JsonObject { ["type"] = "message_stop" })),
    ];

    private static JsonObject Message(string model, JsonArray content, string stopReason, int input, int output) => new()
    {
        ["id"] = "msg_fake",
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = model,
        ["content"] = content,
        ["stop_reason"] = stopReason,
        ["stop_sequence"] = null,
        ["usage"] = new JsonObject { ["input_tokens"] = input, ["output_tokens"] = output },
    };
}
