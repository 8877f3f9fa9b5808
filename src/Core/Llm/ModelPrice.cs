namespace LlmSpell.Llm;

/// <summary>What a model charges, in US dollars per million tokens, as vendors publish it.</summary>
public readonly record struct ModelPrice(decimal InputPerMillion, decimal OutputPerMillion)
{
    public decimal CostOf(long inputTokens, long outputTokens) =>
        ((inputTokens * InputPerMillion) + (outputTokens * OutputPerMillion)) / 1_000_000m;
}
