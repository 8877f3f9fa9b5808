using System.Text;
using LlmSpell.Api;
using LlmSpell.Errors;
using LlmSpell.Llm;
using LlmSpell.Tools;
using LlmSpell.Values;
using Microsoft.Extensions.AI;

namespace LlmSpell.Modules;

/// <summary>
/// <c>llm.complete/chat/stream/providers/models</c>. Every call goes through an <see cref="IChatClient"/>
/// chosen by <see cref="LlmService"/>; options are the same for all calls.
/// </summary>
public static class LlmModule
{
    private static readonly string[] KnownOptions = ["provider", "model", "temperature", "max_tokens", "system", "tools", "max_tool_turns"];
    private const string OptionsHelp = "{ provider, model, temperature, max_tokens, system, tools, max_tool_turns }";

    public static SpellModule Definition { get; } = new("llm", "Call language models.",
    [
        new SpellFunction("complete", "The model's answer to a prompt, as text.",
            [new("prompt", SpellTypes.String, "the prompt"), new("opts", SpellTypes.Map, OptionsHelp, IsOptional: true)],
            SpellTypes.String, CompleteAsync, isAsync: true),
        new SpellFunction("chat", "The model's reply to a conversation: { role, content, model, provider, finish_reason, usage }.",
            [new("messages", SpellTypes.List, "list of { role = 'system'|'user'|'assistant', content = text }"), new("opts", SpellTypes.Map, OptionsHelp, IsOptional: true)],
            SpellTypes.Map, ChatAsync, isAsync: true),
        new SpellFunction("stream", "Like complete, calling on_chunk(text) as text arrives; returns the whole text.",
            [new("prompt", SpellTypes.String, "the prompt"), new("opts", SpellTypes.Map | SpellTypes.Null, OptionsHelp + " or null"), new("on_chunk", SpellTypes.Function, "function(chunk)")],
            SpellTypes.String, StreamAsync, isAsync: true),
        new SpellFunction("structured", "The model's answer as a value matching a JSON schema; checked against the schema.",
            [new("prompt", SpellTypes.String, "the prompt"), new("schema", SpellTypes.Map, "a JSON schema"), new("opts", SpellTypes.Map, OptionsHelp, IsOptional: true)],
            SpellTypes.Any, StructuredAsync, isAsync: true),
        new SpellFunction("usage", "Tokens and cost of this run so far: { calls, input_tokens, output_tokens, total_tokens, cost_usd, unpriced_calls }.",
            [], SpellTypes.Map, call => ValueTask.FromResult<SpellValue>(call.Context.Usage.ToValue())),
        new SpellFunction("providers", "The providers this host knows: list of { name, configured, default }.",
            [], SpellTypes.List, Providers),
        new SpellFunction("models", "The models of a provider (the default provider when omitted).",
            [new("provider", SpellTypes.String, "provider name", IsOptional: true)],
            SpellTypes.List, ModelsAsync, isAsync: true),
    ]);

    private static async ValueTask<SpellValue> CompleteAsync(SpellCall call)
    {
        var response = await RespondAsync(call, Prepare(call, 1, [new ChatMessage(ChatRole.User, call.GetString(0))])).ConfigureAwait(false);
        return SpellValue.From(response.Text);
    }

    private static async ValueTask<SpellValue> ChatAsync(SpellCall call)
    {
        var request = Prepare(call, 1, ReadMessages(call));
        var response = await RespondAsync(call, request).ConfigureAwait(false);
        return ToReply(request.Target, response);
    }

    private static async ValueTask<SpellValue> StreamAsync(SpellCall call)
    {
        var request = Prepare(call, 1, [new ChatMessage(ChatRole.User, call.GetString(0))]);
        var onChunk = call.GetCallback(2);
        var text = new StringBuilder();
        await foreach (var update in Client(call, request).GetStreamingResponseAsync(request.Messages, request.Options, call.CancellationToken).ConfigureAwait(false))
        {
            var chunk = update.Text;
            if (chunk.Length > 0)
            {
                text.Append(chunk);
                call.Context.OnStreamChunk?.Invoke(chunk);
                await onChunk.InvokeAsync([SpellValue.From(chunk)], call.CancellationToken).ConfigureAwait(false);
            }
        }

        return SpellValue.From(text.ToString());
    }

    private static async ValueTask<SpellValue> StructuredAsync(SpellCall call)
    {
        var request = Prepare(call, 2, [new ChatMessage(ChatRole.User, call.GetString(0))]);
        var target = request.Target;
        if (SchemaProblem((SpellMap)call[1], "#") is { } problem)
        {
            throw call.BadArgument(1, $"is not a usable JSON schema: {problem}");
        }

        var definition = SpellJson.ToElement(call[1]);
        var schema = Schemas.SpellSchema.TryParse(definition, out var unusable)
            ?? throw call.BadArgument(1, $"is not a usable JSON schema: {unusable}");

        request.Options.ResponseFormat = ChatResponseFormat.ForJsonSchema(definition, "result");
        var response = await RespondAsync(call, request).ConfigureAwait(false);
        var text = response.Text.Trim();
        SpellValue value;
        try
        {
            value = SpellJson.Parse(text);
        }
        catch (SpellException ex)
        {
            throw new SpellException(SpellErrorCode.LlmBadOutput, $"{target}: the answer is not JSON ({ex.Message}): {Shorten(text)}");
        }

        var problems = schema.Evaluate(SpellJson.ToElement(value), $"{target}: the schema");
        if (problems.Count > 0)
        {
            var listed = string.Join("; ", problems.Take(5).Select(p => $"#{p.InstancePointer}: {(p.Keyword.Length > 0 ? p.Keyword + ": " : "")}{p.Message}"));
            throw new SpellException(SpellErrorCode.LlmBadOutput, $"{target}: the answer does not match the schema ({listed}): {Shorten(text)}");
        }

        return value;
    }

    private static Task<ChatResponse> RespondAsync(SpellCall call, LlmRequest request) =>
        Client(call, request).GetResponseAsync(request.Messages, request.Options, call.CancellationToken);

    /// <summary>The call's pipeline: with the tool-calling loop when the call offers tools.</summary>
    private static IChatClient Client(SpellCall call, LlmRequest request) =>
        LlmPipeline.Create(call.Context, request.Target, request.Options.Tools is { Count: > 0 } ? new LlmCallShape(request.MaxToolTurns) : LlmCallShape.Plain);

    private static readonly string[] SchemaTypes = ["object", "array", "string", "number", "integer", "boolean", "null"];

    /// <summary>
    /// The mistakes a spell author makes in a schema, caught here rather than as a vendor's 400:
    /// an unknown type, properties that are not a map, required that is not a list of names.
    /// </summary>
    private static string? SchemaProblem(SpellMap schema, string path)
    {
        switch (schema.Get("type"))
        {
            case SpellNull:
                break;
            case SpellString type when SchemaTypes.Contains(type.Value):
                break;
            case SpellList types when types.All(t => t is SpellString s && SchemaTypes.Contains(s.Value)):
                break;
            default:
                return $"{path}/type must be one of {string.Join(", ", SchemaTypes)}";
        }

        if (schema.Get("required") is not (SpellNull or SpellList))
        {
            return $"{path}/required must be a list of property names";
        }

        if (schema.Get("required") is SpellList required && required.Any(r => r is not SpellString))
        {
            return $"{path}/required must be a list of property names";
        }

        switch (schema.Get("properties"))
        {
            case SpellNull:
                break;
            case SpellMap properties:
                foreach (var (name, property) in properties)
                {
                    if (property is not SpellMap child)
                    {
                        return $"{path}/properties/{name} must be a schema (a map)";
                    }

                    if (SchemaProblem(child, $"{path}/properties/{name}") is { } inner)
                    {
                        return inner;
                    }
                }

                break;
            default:
                return $"{path}/properties must be a map of schemas";
        }

        return schema.Get("items") switch
        {
            SpellNull => null,
            SpellMap items => SchemaProblem(items, path + "/items"),
            _ => $"{path}/items must be a schema (a map)",
        };
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;

    private static ValueTask<SpellValue> Providers(SpellCall call)
    {
        var llm = call.Context.Host.Llm;
        var defaultName = llm.DefaultProvider.Name;
        return ValueTask.FromResult<SpellValue>(new SpellList(llm.Providers.Select(p => SpellValue.Map(
        [
            new("name", SpellValue.From(p.Name)),
            new("configured", SpellValue.From(p.IsConfigured)),
            new("default", SpellValue.From(p.Name == defaultName)),
            new("default_model", SpellValue.From(p.DefaultModel)),
        ]))));
    }

    private static async ValueTask<SpellValue> ModelsAsync(SpellCall call)
    {
        var llm = call.Context.Host.Llm;
        var name = call.GetOptionalString(0);
        var provider = name is null ? llm.DefaultProvider : llm.Find(name) ?? throw new SpellException(SpellErrorCode.NotFound, $"unknown LLM provider '{name}'");
        try
        {
            var models = await provider.ListModelsAsync(call.CancellationToken).ConfigureAwait(false);
            return new SpellList(models.Select(SpellValue.From));
        }
        catch (Exception ex) when (SpellErrorChatClient.IsForeign(ex))
        {
            throw SpellErrorChatClient.Map(new LlmTarget(provider, provider.DefaultModel), ex);
        }
    }

    private const int DefaultMaxToolTurns = 8;

    /// <summary>One call as the spell asked for it, resolved to a provider and MEAI options.</summary>
    private sealed record LlmRequest(LlmTarget Target, ChatOptions Options, List<ChatMessage> Messages, int MaxToolTurns);

    private static LlmRequest Prepare(SpellCall call, int optionsIndex, List<ChatMessage> messages)
    {
        var options = call.GetOptions(optionsIndex);
        options.RejectUnknown(KnownOptions);
        var target = call.Context.Host.Llm.Resolve(options.GetString("provider"), options.GetString("model"));
        var temperature = options.GetNumber("temperature");
        if (temperature is < 0 or > 2)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{call.Function.QualifiedName}: option 'temperature' must be between 0 and 2, got {temperature}");
        }

        if (options.GetString("system") is { } system)
        {
            messages.Insert(0, new ChatMessage(ChatRole.System, system));
        }

        var chatOptions = new ChatOptions
        {
            ModelId = target.Model,
            Temperature = (float?)temperature,
            MaxOutputTokens = options.GetInt("max_tokens", 1, 10_000_000),
        };
        if (options.GetList("tools", "a list of tool names or { name, description, parameters, handler }") is { } tools)
        {
            var context = call.Context;
            var name = call.Function.QualifiedName;
            chatOptions.Tools = [.. tools.Select((item, i) => (AITool)new ToolFunction(item is SpellString registered ? context.Tools.Get(registered.Value) : ScriptTool.FromSpec(item, $"{name}: option 'tools' item {i + 1}"), context))];
        }

        return new LlmRequest(target, chatOptions, messages, options.GetInt("max_tool_turns", 1, 100) ?? DefaultMaxToolTurns);
    }

    private static List<ChatMessage> ReadMessages(SpellCall call)
    {
        var list = call.GetList(0);
        if (list.Count == 0)
        {
            throw call.BadArgument(0, "must hold at least one message");
        }

        var messages = new List<ChatMessage>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not SpellMap map || map.Get("content") is not SpellString content || map.Get("role") is not SpellString role)
            {
                throw call.BadArgument(0, $"item {i + 1} must be {{ role = text, content = text }}");
            }

            var chatRole = role.Value switch
            {
                "system" => ChatRole.System,
                "user" => ChatRole.User,
                "assistant" => ChatRole.Assistant,
                _ => throw call.BadArgument(0, $"item {i + 1} has role '{role.Value}'; roles are system, user, assistant"),
            };
            messages.Add(new ChatMessage(chatRole, content.Value));
        }

        return messages;
    }

    private static SpellMap ToReply(LlmTarget target, ChatResponse response) => SpellValue.Map(
    [
        new("role", SpellValue.From("assistant")),
        new("content", SpellValue.From(response.Text)),
        new("model", SpellValue.From(response.ModelId ?? target.Model)),
        new("provider", SpellValue.From(target.Provider.Name)),
        new("finish_reason", response.FinishReason is { } reason ? SpellValue.From(reason.Value) : SpellValue.Null),
        new("usage", ToUsage(response.Usage)),
    ]);

    private static SpellValue ToUsage(UsageDetails? usage) => usage is null
        ? SpellValue.Null
        : SpellValue.Map(
        [
            new("input_tokens", usage.InputTokenCount is { } input ? SpellValue.From(input) : SpellValue.Null),
            new("output_tokens", usage.OutputTokenCount is { } output ? SpellValue.From(output) : SpellValue.Null),
            new("total_tokens", usage.TotalTokenCount is { } total ? SpellValue.From(total) : SpellValue.Null),
        ]);
}
