using System.Globalization;
using LlmSpell.Errors;

namespace LlmSpell.Llm;

/// <summary>
/// A token_budget and/or cost_budget over everything one owner (an agent, a workflow and all its
/// branches) spends: checked before each model turn and after it, so parallel branches stop as soon
/// as together they have spent it.
/// </summary>
public sealed class UsageBudget : IUsageMeter
{
    /// <param name="owner">Who the budget belongs to, as the error names it: "agent 'triage'", "workflow 'digest'".</param>
    /// <param name="spent">What the owner has already spent elsewhere (earlier durable steps).</param>
    public UsageBudget(string owner, long? tokens, decimal? costUsd, LlmTurn spent = default)
    {
        Owner = owner ?? throw new ArgumentNullException(nameof(owner));
        Tokens = tokens;
        CostUsd = costUsd;
        if (spent != default)
        {
            Usage.Add(spent, calls: 0);
        }
    }

    public string Owner { get; }

    /// <summary>A cost_budget as a spell gives it, checked: a positive number of US dollars.</summary>
    /// <exception cref="SpellException">With code <c>bad_argument</c>, naming <paramref name="where"/>.</exception>
    public static decimal CostLimit(double dollars, string where)
    {
        if (!double.IsFinite(dollars) || dollars <= 0 || dollars > 1_000_000)
        {
            throw new SpellException(SpellErrorCode.BadArgument, string.Create(CultureInfo.InvariantCulture, $"{where} must be a number of US dollars above 0 and at most 1000000, got {dollars}"));
        }
        return (decimal)dollars;
    }

    public long? Tokens { get; }

    public decimal? CostUsd { get; }

    public LlmUsage Usage { get; } = new();

    public void BeforeTurn() => Check();

    public void Add(LlmTurn turn)
    {
        Usage.Add(turn);
        Check();
    }

    /// <exception cref="SpellException">With code <c>llm_budget_exceeded</c> once the owner has spent more than a limit.</exception>
    public void Check()
    {
        if (Tokens is { } tokens && Usage.TotalTokens > tokens)
        {
            throw new SpellException(SpellErrorCode.LlmBudgetExceeded, $"{Owner} used {Usage.TotalTokens} tokens; its token_budget is {tokens}");
        }
        if (CostUsd is { } cost && Usage.CostUsd > cost)
        {
            throw new SpellException(SpellErrorCode.LlmBudgetExceeded,
                string.Create(CultureInfo.InvariantCulture, $"{Owner} spent ${Usage.CostUsd:0.######}; its cost_budget is ${cost:0.######}"));
        }
    }
}
