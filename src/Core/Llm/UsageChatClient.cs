using LlmSpell.Running;
using LlmSpell.Telemetry;
using Microsoft.Extensions.AI;

namespace LlmSpell.Llm;

/// <summary>
/// Counts the tokens and cost of every model turn into the run's usage, the call's meter (an
/// agent's budget), the budgets open on the run (a workflow's) and the metrics. It sits under the
/// tool-calling loop, so it sees each turn, streamed or not.
/// </summary>
internal sealed class UsageChatClient(IChatClient inner, SpellContext context, LlmTarget target, ModelPrice? price, IUsageMeter? meter) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        BeforeTurn();
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        Count(response.Usage);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BeforeTurn();
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

    private void BeforeTurn()
    {
        meter?.BeforeTurn();
        foreach (var budget in context.Budgets)
        {
            budget.BeforeTurn();
        }
    }

    private void Count(UsageDetails? usage)
    {
        var turn = LlmTurn.Of(usage, price);
        context.Usage.Add(turn);
        Record(turn);
        meter?.Add(turn);
        foreach (var budget in context.Budgets)
        {
            budget.Add(turn);
        }
    }

    private void Record(LlmTurn turn)
    {
        var provider = new KeyValuePair<string, object?>(SpellTelemetry.Attributes.GenAiProvider, target.Provider.Name);
        var model = new KeyValuePair<string, object?>(SpellTelemetry.Attributes.GenAiRequestModel, target.Model);
        SpellTelemetry.Tokens.Add(turn.InputTokens, provider, model, new(SpellTelemetry.Attributes.GenAiTokenType, "input"));
        SpellTelemetry.Tokens.Add(turn.OutputTokens, provider, model, new(SpellTelemetry.Attributes.GenAiTokenType, "output"));
        if (turn.CostUsd is { } cost)
        {
            SpellTelemetry.Cost.Add((double)cost, provider, model);
        }
    }
}
