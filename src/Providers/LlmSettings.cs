namespace LlmSpell.Providers;

/// <summary>Everything about reaching LLMs: providers, the default model, retries, timeouts, recording.</summary>
public sealed record LlmSettings
{
    public IReadOnlyList<ProviderSettings> Providers { get; init; } = [];

    /// <summary><c>provider/model</c> or a provider name; null picks the first configured provider.</summary>
    public string? DefaultModel { get; init; }

    /// <summary>Attempts in all, including the first, for 429, 5xx and network failures.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>First back-off delay; it grows exponentially (with jitter) unless the server sends Retry-After.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>One HTTP exchange, streaming included.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Save every HTTP exchange with providers to this file (JSON lines).</summary>
    public string? RecordTo { get; init; }

    /// <summary>Answer every provider request from this recording; nothing goes to the network.</summary>
    public string? ReplayFrom { get; init; }

    /// <summary>Prices set in the settings (<c>llm.prices</c>), over the shipped ones.</summary>
    public IReadOnlyDictionary<string, Llm.ModelPrice> Prices { get; init; } = new Dictionary<string, Llm.ModelPrice>();

    /// <summary>The shipped prices with <see cref="Prices"/> over them.</summary>
    public Llm.PriceTable PriceTable => Llm.PriceTable.Default.With(Prices);
}
