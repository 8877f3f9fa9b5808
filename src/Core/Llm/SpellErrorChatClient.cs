using LlmSpell.Errors;
using Microsoft.Extensions.AI;

namespace LlmSpell.Llm;

/// <summary>
/// The one place a failed LLM call becomes a spell error: a provider's own errors already are
/// (<c>llm_auth</c>, <c>llm_rate_limited</c>… mapped by its adapter); anything else — from a chat
/// client a host registered, or from the tool-calling loop — is <c>llm_error</c> naming the target.
/// </summary>
internal sealed class SpellErrorChatClient(IChatClient inner, LlmTarget target) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsForeign(ex))
        {
            throw Map(target, ex);
        }
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        ChatStreamErrors.TranslateAsync(base.GetStreamingResponseAsync(messages, options, cancellationToken), ex => IsForeign(ex) ? Map(target, ex) : null, cancellationToken);

    /// <summary>Also for provider calls that are not chats (listing models).</summary>
    public static SpellException Map(LlmTarget target, Exception exception) =>
        new(SpellErrorCode.LlmError, $"{target}: {exception.Message}", exception);

    public static bool IsForeign(Exception exception) => exception is not SpellException and not OperationCanceledException;
}
