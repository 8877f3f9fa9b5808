namespace LlmSpell.Providers;

/// <summary>One provider as configured: from llmspell.json, environment variables, or built-in defaults.</summary>
public sealed record ProviderSettings
{
    public required string Name { get; init; }

    public ProviderKind Kind { get; init; } = ProviderKind.OpenAICompatible;

    /// <summary>The key itself. Never logged, never shown to spells; prefer <see cref="ApiKeyVariable"/>.</summary>
    public string? ApiKey { get; init; }

    /// <summary>An environment variable that holds the key (read when <see cref="ApiKey"/> is empty).</summary>
    public string? ApiKeyVariable { get; init; }

    public Uri? BaseUrl { get; init; }

    public string? DefaultModel { get; init; }

    /// <summary>True for providers that need no key (Ollama, a local OpenAI-compatible server).</summary>
    public bool KeyOptional { get; init; }

    /// <summary>Providers that need no key are still only "configured" once given an address.</summary>
    public bool IsConfigured => !string.IsNullOrEmpty(ApiKey) || (KeyOptional && BaseUrl is not null);

    public override string ToString() => $"{Name} ({Kind})";
}
