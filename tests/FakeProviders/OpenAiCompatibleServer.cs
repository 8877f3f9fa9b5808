using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LlmSpell.FakeProviders;

/// <summary>
/// The OpenAI Chat Completions wire format (POST chat/completions, GET models), which OpenAI, Azure
/// OpenAI's v1 API and Gemini's OpenAI-compatible endpoint all speak under different base paths.
/// </summary>
public sealed class OpenAiCompatibleServer(string basePath = "/v1/") : FakeVendorServer
{
    public static async Task<OpenAiCompatibleServer> StartAsync(string basePath = "/v1/")
    {
        var server = new OpenAiCompatibleServer(basePath);
        await server.ListenAsync();
        return server;
    }

    public IReadOnlyList<string> Models { get; init; } = ["gpt-4o-mini", "gpt-4.1"];

    protected override string BasePath => basePath;

    protected override void MapRoutes(WebApplication app)
    {
        app.MapPost(basePath + "chat/completions", ChatAsync);
        app.MapGet(basePath + "models", async context =>
        {
            RecordBodiless(context);
            var data = new JsonArray([.. Models.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["object"] = "model", ["created"] = 1_700_000_000, ["owned_by"] = "fake" })]);
            await WriteJsonAsync(context, 200, new JsonObject { ["object"] = "list", ["data"] = data });
        });
    }

    private async Task ChatAsync(HttpContext context)
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
                await WriteJsonAsync(context, error.Status, new JsonObject
                {
                    ["error"] = new JsonObject { ["message"] = error.Message, ["type"] = error.Type, ["param"] = null, ["code"] = error.Type },
                }, error.RetryAfterSeconds);
                break;
            case TextReply text when !stream:
                await WriteJsonAsync(context, 200, Completion(model, new JsonObject { ["role"] = "assistant", ["content"] = text.Text }, text.Finish, Usage(text.InputTokens, text.OutputTokens)));
                break;
            case TextReply text:
                var chunks = new List<(string?, string)> { (null, Chunk(model, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null)) };
                chunks.AddRange(text.Chunks.Select(c => ((string?)null, Chunk(model, new JsonObject { ["content"] = c }, null))));
                chunks.Add((null, Chunk(model, new JsonObject(), text.Finish)));
                chunks.Add((null, new JsonObject { ["id"] = "chatcmpl-fake", ["object"] = "chat.completion.chunk", ["created"] = 1_700_000_000, ["model"] = model, ["choices"] = new JsonArray(), ["usage"] = Usage(text.InputTokens, text.OutputTokens) }.ToJsonString()));
                chunks.Add((null, "[DONE]"));
                await WriteEventsAsync(context, chunks);
                break;
            case ToolCallReply tools when !stream:
                var calls = new JsonArray([.. tools.Calls.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["type"] = "function", ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.ArgumentsJson } })]);
                await WriteJsonAsync(context, 200, Completion(model, new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = calls }, "tool_calls", Usage(20, 10)));
                break;
            case ToolCallReply tools:
                var events = new List<(string?, string)> { (null, Chunk(model, new JsonObject { ["role"] = "assistant", ["content"] = null }, null)) };
                for (var i = 0; i < tools.Calls.Count; i++)
                {
                    var (id, name, arguments) = tools.Calls[i];
                    events.Add((null, Chunk(model, new JsonObject { ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = i, ["id"] = id, ["type"] = "function", ["function"] = new JsonObject { ["name"] = name, ["arguments"] = "" } }) }, null)));
                    // Arguments arrive in pieces, as the real API sends them.
                    foreach (var piece in arguments.Chunk(8).Select(c => new string(c)))
                    {
                        events.Add((null, Chunk(model, new JsonObject { ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = i, ["function"] = new JsonObject { ["arguments"] = piece } }) }, null)));
                    }
                }

                events.Add((null, Chunk(model, new JsonObject(), "tool_calls")));
                events.Add((null, "[DONE]"));
                await WriteEventsAsync(context, events);
                break;
        }
    }

    private static JsonObject Completion(string model, JsonObject message, string finish, JsonObject usage) => new()
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["logprobs"] = null, ["finish_reason"] = finish }),
        ["usage"] = usage,
    };

    private static string Chunk(string model, JsonObject delta, string? finish) => new JsonObject
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_700_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finish }),
    }.ToJsonString();

    private static JsonObject Usage(int input, int output) => new() { ["prompt_tokens"] = input, ["completion_tokens"] = output, ["total_tokens"] = input + output };
}
