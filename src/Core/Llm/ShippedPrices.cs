namespace LlmSpell.Llm;

/// <summary>
/// Vendors' list prices (USD per million tokens, standard tier, no caching or batch discount) for the
/// common models, as the vendors listed them when this table was last checked (their 2025 price
/// pages). Prices change and contracts differ: override any of them in the settings (<c>llm.prices</c>);
/// a model missing here is reported as unpriced, never as free.
/// </summary>
public static class ShippedPrices
{
    public static IReadOnlyList<KeyValuePair<string, ModelPrice>> All { get; } =
    [
        // OpenAI (also Azure OpenAI deployments named after the model)
        Price("gpt-5", 1.25m, 10m),
        Price("gpt-5-mini", 0.25m, 2m),
        Price("gpt-5-nano", 0.05m, 0.40m),
        Price("gpt-4.1", 2m, 8m),
        Price("gpt-4.1-mini", 0.40m, 1.60m),
        Price("gpt-4.1-nano", 0.10m, 0.40m),
        Price("gpt-4o", 2.50m, 10m),
        Price("gpt-4o-mini", 0.15m, 0.60m),
        Price("o3", 2m, 8m),
        Price("o4-mini", 1.10m, 4.40m),

        // Anthropic
        Price("claude-opus-4-5", 5m, 25m),
        Price("claude-opus-4-1", 15m, 75m),
        Price("claude-opus-4", 15m, 75m),
        Price("claude-sonnet-4-5", 3m, 15m),
        Price("claude-sonnet-4", 3m, 15m),
        Price("claude-3-7-sonnet", 3m, 15m),
        Price("claude-haiku-4-5", 1m, 5m),
        Price("claude-3-5-haiku", 0.80m, 4m),

        // Google Gemini
        Price("gemini-2.5-pro", 1.25m, 10m),
        Price("gemini-2.5-flash", 0.30m, 2.50m),
        Price("gemini-2.5-flash-lite", 0.10m, 0.40m),
        Price("gemini-2.0-flash", 0.10m, 0.40m),

        // Local and simulated models cost nothing per token.
        Price("ollama/*", 0m, 0m),
        Price("mock/*", 0m, 0m),
    ];

    private static KeyValuePair<string, ModelPrice> Price(string model, decimal input, decimal output) => new(model, new ModelPrice(input, output));
}
