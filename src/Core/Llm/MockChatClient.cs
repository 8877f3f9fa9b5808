using System.Runtime.CompilerServices;
using LlmSpell.Errors;
using Microsoft.Extensions.AI;

namespace LlmSpell.Llm;

/// <summary>
/// An offline model that answers deterministically, so spells run with no key and tests never touch
/// the network. Models: <c>echo</c> repeats the last user message, <c>reverse</c> repeats it with the
/// words reversed. <c>max_tokens</c> truncates (one word = one token) and reports finish reason
/// <c>length</c>, like a real model; the system prompt, if any, is counted as input. Asked for JSON
/// with a schema, it answers with a sample instance of the schema.
/// </summary>
public sealed class MockChatClient(string model) : IChatClient
{
    public static IReadOnlyList<string> Models { get; } = ["echo", "reverse"];

    public string Model { get; } = Models.Contains(model)
        ? model
        : throw new SpellException(SpellErrorCode.NotFound, $"the mock provider has no model '{model}' (models: {string.Join(", ", Models)})");

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (options?.ResponseFormat is ChatResponseFormatJson { Schema: { } schema })
        {
            // Asked for structured output: answer with a sample that satisfies the schema, so spells
            // using llm.structured run offline too.
            var sample = SchemaSample.For(schema);
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, sample)) { ModelId = Model, FinishReason = ChatFinishReason.Stop, Usage = new UsageDetails { InputTokenCount = 0, OutputTokenCount = 0, TotalTokenCount = 0 } };
        }

        var (words, inputTokens, truncated) = Answer(messages, options);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Join(' ', words)))
        {
            ModelId = Model,
            FinishReason = truncated ? ChatFinishReason.Length : ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = words.Count, TotalTokenCount = inputTokens + words.Count },
        };
        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (words, inputTokens, truncated) = Answer(messages, options);
        for (var i = 0; i < words.Count; i++)
        {
            // Yield to the pool like a network stream does, so callers see chunks arrive on other threads.
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, i == 0 ? words[i] : " " + words[i]) { ModelId = Model };
        }

        yield return new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            ModelId = Model,
            FinishReason = truncated ? ChatFinishReason.Length : ChatFinishReason.Stop,
            Contents = [new UsageContent(new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = words.Count, TotalTokenCount = inputTokens + words.Count })],
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private (List<string> Words, long InputTokens, bool Truncated) Answer(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages.ToList();
        var inputTokens = list.Sum(m => (long)CountWords(m.Text));
        var prompt = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var words = prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Model == "reverse")
        {
            words.Reverse();
        }

        words.Insert(0, Model + ":");
        var truncated = options?.MaxOutputTokens is { } max && words.Count > max;
        if (truncated)
        {
            words.RemoveRange(options!.MaxOutputTokens!.Value, words.Count - options.MaxOutputTokens!.Value);
        }

        return (words, inputTokens, truncated);
    }

    private static int CountWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
