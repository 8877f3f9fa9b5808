using LlmSpell.Llm;
using LlmSpell.Values;

namespace LlmSpell.Workflows;

/// <summary>
/// A workflow's <c>token_budget</c> and/or <c>cost_budget</c>: one account for all its steps,
/// parallel branches included, that stops the workflow with <c>llm_budget_exceeded</c> once they
/// have together spent more.
/// </summary>
public sealed record WorkflowBudget(long? Tokens, decimal? CostUsd)
{
    public static IReadOnlyCollection<string> Fields { get; } = ["token_budget", "cost_budget"];

    /// <summary>The budget fields of a workflow spec, or null when it has none.</summary>
    public static WorkflowBudget? Read(SpellMap spec, string where)
    {
        ArgumentNullException.ThrowIfNull(spec);
        long? tokens = spec.Get("token_budget") switch
        {
            SpellNull => null,
            SpellInt { Value: > 0 } i => i.Value,
            var other => throw WorkflowErrors.Bad($"{where}.token_budget", $"expected a whole number of tokens above 0, got {WorkflowSpecParser.Describe(other)}"),
        };
        decimal? cost = spec.Get("cost_budget") switch
        {
            SpellNull => null,
            SpellInt i => UsageBudget.CostLimit(i.Value, $"{where}.cost_budget"),
            SpellFloat f => UsageBudget.CostLimit(f.Value, $"{where}.cost_budget"),
            var other => throw WorkflowErrors.Bad($"{where}.cost_budget", $"expected a number of US dollars, got {WorkflowSpecParser.Describe(other)}"),
        };
        return tokens is null && cost is null ? null : new WorkflowBudget(tokens, cost);
    }

    /// <summary>The account of this budget for the workflow at <paramref name="path"/>, counting what was <paramref name="spent"/> before.</summary>
    public UsageBudget Open(string path, LlmTurn spent = default) => new($"workflow '{path}'", Tokens, CostUsd, spent);

    public SpellMap ToValue() => SpellValue.Map(
    [
        new("tokens", Tokens is { } t ? SpellValue.From(t) : SpellValue.Null),
        new("cost_usd", CostUsd is { } c ? SpellValue.From((double)c) : SpellValue.Null),
    ]);

    public static WorkflowBudget? FromValue(SpellValue value) => value is SpellMap map
        ? new WorkflowBudget(
            map.Get("tokens") is SpellInt t ? t.Value : null,
            map.Get("cost_usd") switch { SpellFloat f => (decimal)f.Value, SpellInt i => i.Value, _ => null })
        : null;
}
