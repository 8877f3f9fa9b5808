using System.Text;
using LlmSpell.Api;
using LlmSpell.Errors;
using LlmSpell.Llm;
using LlmSpell.Values;
using Microsoft.Extensions.AI;

namespace LlmSpell.Modules;

/// <summary>
/// <c>llm.complete/chat/stream/providers/models</c>. Every call goes through an <see cref="IChatClient"/>
/// chosen by <see cref="LlmService"/>; options are the same for all calls.
/// </summary>
public static class LlmModule
{
    private static readonly string[] KnownOptions = ["provider", "model", "temperature", "max_tokens", "system"];
    private const string OptionsHelp = "{ provider, model, temperature, max_tokens, system }";

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
        new SpellFunction("providers", "The providers this host knows: list of { name, configured, default }.",
            [], SpellTypes.List, Providers),
        new SpellFunction("models", "The models of a provider (the default provider when omitted).",
            [new("provider", SpellTypes.String, "provider name", IsOptional: true)],
            SpellTypes.List, ModelsAsync, isAsync: true),
    ]);

    private static async ValueTask<SpellValue> CompleteAsync(SpellCall call)
    {
        var (target, options, messages) = Prepare(call, 1, [new ChatMessage(ChatRole.User, call.GetString(0))]);
        var response = await CallProviderAsync(target, () => LlmService.GetChatClient(target).GetResponseAsync(messages, options, call.CancellationToken)).ConfigureAwait(false);
        return SpellValue.From(response.Text);
    }

    private static async ValueTask<SpellValue> ChatAsync(SpellCall call)
    {
        var (target, options, messages) = Prepare(call, 1, ReadMessages(call));
        var response = await CallProviderAsync(target, () => LlmService.GetChatClient(target).GetResponseAsync(messages, options, call.CancellationToken)).ConfigureAwait(false);
        return ToReply(target, response);
    }

    private static async ValueTask<SpellValue> StreamAsync(SpellCall call)
    {
        var (target, options, messages) = Prepare(call, 1, [new ChatMessage(ChatRole.User, call.GetString(0))]);
        var onChunk = call.GetCallback(2);
        var text = new StringBuilder();
        await CallProviderAsync(target, async () =>
        {
            await foreach (var update in LlmService.GetChatClient(target).GetStreamingResponseAsync(messages, options, call.CancellationToken).ConfigureAwait(false))
            {
                var chunk = update.Text;
                if (chunk.Length > 0)
                {
                    text.Append(chunk);
                    await onChunk.InvokeAsync([SpellValue.From(chunk)], call.CancellationToken).ConfigureAwait(false);
                }
            }

            return true;
        }).ConfigureAwait(false);
        return SpellValue.From(text.ToString());
    }

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
        var models = await CallProviderAsync(new LlmTarget(provider, provider.DefaultModel), () => provider.ListModelsAsync(call.CancellationToken)).ConfigureAwait(false);
        return new SpellList(models.Select(SpellValue.From));
    }

    private static (LlmTarget Target, ChatOptions Options, List<ChatMessage> Messages) Prepare(SpellCall call, int optionsIndex, List<ChatMessage> messages)
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
        return (target, chatOptions, messages);
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

    /// <summary>Provider failures reach the script as <c>llm_error</c> naming the provider; our own errors pass through.</summary>
    private static async Task<T> CallProviderAsync<T>(LlmTarget target, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not SpellException and not OperationCanceledException)
        {
            throw new SpellException(SpellErrorCode.LlmError, $"{target}: {ex.Message}", ex);
        }
    }
}
