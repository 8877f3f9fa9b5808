using Microsoft.Extensions.AI;

namespace LlmSpell.Llm;

/// <summary>
/// Counts the tokens of every model turn into the run's usage (and a meter's, such as an agent's
/// budget). It sits under the tool-calling loop, so it sees each turn, streamed or not.
/// </summary>
internal sealed class UsageChatClient(IChatClient inner, LlmUsage run, IUsageMeter? meter) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        meter?.BeforeTurn();
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        Count(response.Usage);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        meter?.BeforeTurn();
        UsageDetails? usage = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            foreach (var reported in update.Contents.OfType<UsageContent>())
            {
                (usage ??= new UsageDetails()).Add(reported.Details);
            }

            yield return update;
        }

        Count(usage);
    }

    private void Count(UsageDetails? usage)
    {
        run.Add(usage);
        meter?.Add(usage);
    }
}
