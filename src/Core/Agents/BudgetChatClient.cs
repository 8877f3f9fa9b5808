using LlmSpell.Errors;
using LlmSpell.Llm;
using Microsoft.Extensions.AI;

namespace LlmSpell.Agents;

/// <summary>
/// Sits under the tool-calling loop, so it sees every model turn: adds each turn's tokens to the
/// agent and the run, and stops the agent once it is over its budget.
/// </summary>
internal sealed class BudgetChatClient(IChatClient inner, SpellAgent agent, LlmUsage runUsage) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        agent.CheckBudget();
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        Count(response.Usage);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        agent.CheckBudget();
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
        runUsage.Add(usage);
        agent.Usage.Add(usage);
        agent.CheckBudget();
    }
}
