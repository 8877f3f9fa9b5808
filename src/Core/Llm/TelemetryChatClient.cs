using System.Diagnostics;
using System.Text.Json;
using LlmSpell.Telemetry;
using Microsoft.Extensions.AI;

namespace LlmSpell.Llm;

/// <summary>
/// One GenAI-conventions span per model turn (<c>chat {model}</c>: operation, provider, request and
/// response model, finish reasons, token usage and cost; prompt and answer text only when the user
/// opts in), on LlmSpell's one static source. MEAI's OpenTelemetryChatClient would do the same but
/// creates an ActivitySource and a Meter per instance, and a pipeline is built per call: 20,000 calls
/// left 80,000 instruments and 42 MB behind. It also hands its source to the tool-calling loop above
/// it (GetService), so tool calls are spans on the same source.
/// </summary>
internal sealed class TelemetryChatClient(IChatClient inner, LlmTarget target, ModelPrice? price, bool recordContent) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var activity = Start(messages, options);
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            Finish(activity, response);
            return response;
        }
        catch (Exception e) when (activity is not null)
        {
            Fail(activity, e);
            throw;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var activity = Start(messages, options);
        var updates = activity is null ? null : new List<ChatResponseUpdate>();
        await using var stream = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await stream.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }
                update = stream.Current;
            }
            catch (Exception e) when (activity is not null)
            {
                Fail(activity, e);
                throw;
            }
            updates?.Add(update);
            yield return update;
        }
        if (activity is not null)
        {
            Finish(activity, updates!.ToChatResponse());
        }
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ActivitySource) ? SpellTelemetry.Source : base.GetService(serviceType, serviceKey);

    private Activity? Start(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var model = options?.ModelId ?? target.Model;
        var activity = SpellTelemetry.Source.StartActivity($"chat {model}", ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }
        activity.SetTag(SpellTelemetry.Attributes.GenAiOperation, "chat");
        activity.SetTag(SpellTelemetry.Attributes.GenAiProvider, target.Provider.Name);
        activity.SetTag(SpellTelemetry.Attributes.GenAiRequestModel, model);
        if (options?.Temperature is { } temperature)
        {
            activity.SetTag("gen_ai.request.temperature", temperature);
        }
        if (options?.MaxOutputTokens is { } maxTokens)
        {
            activity.SetTag("gen_ai.request.max_tokens", maxTokens);
        }
        if (recordContent)
        {
            activity.SetTag("gen_ai.input.messages", Describe(messages));
        }
        return activity;
    }

    private void Finish(Activity? activity, ChatResponse response)
    {
        if (activity is null)
        {
            return;
        }
        if (response.ModelId is { } model)
        {
            activity.SetTag("gen_ai.response.model", model);
        }
        if (response.FinishReason is { } reason)
        {
            activity.SetTag("gen_ai.response.finish_reasons", new[] { reason.Value });
        }
        var turn = LlmTurn.Of(response.Usage, price);
        activity.SetTag(SpellTelemetry.Attributes.GenAiInputTokens, turn.InputTokens);
        activity.SetTag(SpellTelemetry.Attributes.GenAiOutputTokens, turn.OutputTokens);
        if (turn.CostUsd is { } cost)
        {
            activity.SetTag(SpellTelemetry.Attributes.CostUsd, (double)cost);
        }
        if (recordContent)
        {
            activity.SetTag("gen_ai.output.messages", Describe(response.Messages));
        }
    }

    private static void Fail(Activity activity, Exception exception)
    {
        if (exception is Errors.SpellException spell)
        {
            SpellTelemetry.SetError(activity, spell.Error);
        }
        else
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity.SetTag(SpellTelemetry.Attributes.ErrorType, exception.GetType().Name);
        }
    }

    /// <summary>
    /// The GenAI conventions' message shape, as JSON: [{ role, parts: [{ type: "text", content }] }].
    /// Written directly, not serialized from objects: no reflection, so it holds in a trimmed build.
    /// </summary>
    private static string Describe(IEnumerable<ChatMessage> messages)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var message in messages)
            {
                json.WriteStartObject();
                json.WriteString("role", message.Role.Value);
                json.WriteStartArray("parts");
                json.WriteStartObject();
                json.WriteString("type", "text");
                json.WriteString("content", message.Text);
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
