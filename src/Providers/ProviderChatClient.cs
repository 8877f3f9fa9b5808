using System.Runtime.CompilerServices;
using LlmSpell.Errors;
using LlmSpell.Llm;
using Microsoft.Extensions.AI;

namespace LlmSpell.Providers;

/// <summary>
/// The outermost client of every provider: whatever the SDK throws leaves as a <see cref="SpellException"/>
/// with a code a script can act on (<c>llm_auth</c>, <c>llm_rate_limited</c>, <c>not_found</c>…).
/// </summary>
internal sealed class ProviderChatClient(IChatClient inner, ProviderSettings provider, string model) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var failure = ProviderFailure.Begin();
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Translate(ex, failure);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Begun when the caller starts reading, as the request itself is.
        var failure = ProviderFailure.Begin();
        var updates = ChatStreamErrors.TranslateAsync(base.GetStreamingResponseAsync(messages, options, cancellationToken),
            ex => ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested ? Translate(ex, failure) : null, cancellationToken);
        await foreach (var update in updates.ConfigureAwait(false))
        {
            yield return update;
        }
    }

    private SpellException Translate(Exception exception, ProviderFailure failure)
    {
        // Our own errors (a replay miss) may arrive wrapped by the SDK.
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SpellException spell)
            {
                return spell;
            }
        }

        return ProviderErrors.Map(provider, model, exception, failure);
    }
}
