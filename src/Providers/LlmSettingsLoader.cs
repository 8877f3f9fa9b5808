using System.Globalization;
using LlmSpell.Configuration;
using LlmSpell.Errors;
using Microsoft.Extensions.Configuration;

namespace LlmSpell.Providers;

/// <summary>
/// Reads <see cref="LlmSettings"/>: built-in providers whose keys come from the usual environment
/// variables, overlaid by the section "llm" of the project's settings (<see cref="SpellConfiguration"/>).
/// </summary>
/// <example>
/// <code>
/// { "llm": { "default": "anthropic/claude-sonnet-4-5", "maxAttempts": 4,
///            "providers": { "groq": { "kind": "openai-compatible", "baseUrl": "https://api.groq.com/openai/v1/",
///                                     "apiKeyEnv": "GROQ_API_KEY", "defaultModel": "llama-3.3-70b-versatile" } } } }
/// </code>
/// </example>
public static class LlmSettingsLoader
{
    /// <param name="environment">Reads an environment variable; tests pass their own.</param>
    /// <param name="configuration">The project's settings, layered (<see cref="SpellConfiguration.Build"/>).</param>
    /// <exception cref="SpellException">With code <c>bad_argument</c> naming the setting at fault and where it was set.</exception>
    public static LlmSettings Load(IConfiguration configuration, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var providers = BuiltIn(environment).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var llm = configuration.GetSection("llm");
        var settings = new LlmSettings();
        settings = settings with
        {
            DefaultModel = llm["default"] ?? settings.DefaultModel,
            MaxAttempts = Int(configuration, llm, "maxAttempts", 1, 10) ?? settings.MaxAttempts,
            RetryDelay = Int(configuration, llm, "retryDelayMs", 0, 60_000) is { } delay ? TimeSpan.FromMilliseconds(delay) : settings.RetryDelay,
            RequestTimeout = Int(configuration, llm, "requestTimeoutSeconds", 1, 3600) is { } timeout ? TimeSpan.FromSeconds(timeout) : settings.RequestTimeout,
        };
        foreach (var section in llm.GetSection("providers").GetChildren())
        {
            providers.TryGetValue(section.Key, out var existing);
            providers[section.Key] = Overlay(configuration, existing ?? new ProviderSettings { Name = section.Key }, section, environment);
        }

        return settings with
        {
            Prices = Prices(configuration, llm.GetSection("prices")),
            Providers = [.. providers.Values],
            DefaultModel = environment("LLMSPELL_MODEL") is { Length: > 0 } model ? model : settings.DefaultModel,
        };
    }

    private static IEnumerable<ProviderSettings> BuiltIn(Func<string, string?> environment)
    {
        string? Env(string name) => environment(name) is { Length: > 0 } value ? value : null;
        Uri? Url(string? text) => text is null ? null : new Uri(text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text);

        yield return new ProviderSettings
        {
            Name = "openai",
            ApiKeyVariable = "OPENAI_API_KEY",
            ApiKey = Env("OPENAI_API_KEY"),
            BaseUrl = WithSlash(Url(Env("OPENAI_BASE_URL")) ?? new Uri("https://api.openai.com/v1/")),
            DefaultModel = "gpt-4o-mini",
        };
        var azureEndpoint = Url(Env("AZURE_OPENAI_ENDPOINT"));
        yield return new ProviderSettings
        {
            Name = "azure-openai",
            Kind = ProviderKind.AzureOpenAI,
            ApiKeyVariable = "AZURE_OPENAI_API_KEY",
            // Without an endpoint there is nothing to call, however complete the key.
            ApiKey = azureEndpoint is null ? null : Env("AZURE_OPENAI_API_KEY"),
            BaseUrl = azureEndpoint is null ? null : new Uri(WithSlash(azureEndpoint)!, "openai/v1/"),
            DefaultModel = Env("AZURE_OPENAI_DEPLOYMENT") ?? "gpt-4o-mini",
        };
        yield return new ProviderSettings
        {
            Name = "anthropic",
            Kind = ProviderKind.Anthropic,
            ApiKeyVariable = "ANTHROPIC_API_KEY",
            ApiKey = Env("ANTHROPIC_API_KEY"),
            BaseUrl = WithSlash(Url(Env("ANTHROPIC_BASE_URL")) ?? new Uri("https://api.anthropic.com/")),
            DefaultModel = "claude-sonnet-4-5",
        };
        yield return new ProviderSettings
        {
            Name = "gemini",
            Kind = ProviderKind.Gemini,
            ApiKeyVariable = "GEMINI_API_KEY",
            ApiKey = Env("GEMINI_API_KEY"),
            BaseUrl = WithSlash(Url(Env("GEMINI_BASE_URL")) ?? new Uri("https://generativelanguage.googleapis.com/v1beta/openai/")),
            DefaultModel = "gemini-2.5-flash",
        };
        yield return new ProviderSettings
        {
            Name = "ollama",
            Kind = ProviderKind.Ollama,
            KeyOptional = true,
            BaseUrl = WithSlash(Url(Env("OLLAMA_HOST"))),
            DefaultModel = "llama3.2",
        };
    }

    private static ProviderSettings Overlay(IConfiguration configuration, ProviderSettings provider, IConfigurationSection section, Func<string, string?> environment)
    {
        var kind = provider.Kind;
        if (section["kind"] is { } kindText)
        {
            kind = kindText.Replace("-", "", StringComparison.Ordinal) switch
            {
                var k when k.Equals("openaicompatible", StringComparison.OrdinalIgnoreCase) || k.Equals("openai", StringComparison.OrdinalIgnoreCase) => ProviderKind.OpenAICompatible,
                var k when k.Equals("azureopenai", StringComparison.OrdinalIgnoreCase) => ProviderKind.AzureOpenAI,
                var k when k.Equals("anthropic", StringComparison.OrdinalIgnoreCase) => ProviderKind.Anthropic,
                var k when k.Equals("gemini", StringComparison.OrdinalIgnoreCase) => ProviderKind.Gemini,
                var k when k.Equals("ollama", StringComparison.OrdinalIgnoreCase) => ProviderKind.Ollama,
                _ => throw SpellConfiguration.BadSetting(configuration, section.Path + ":kind", $"'{kindText}' is not one of openai-compatible, azure-openai, anthropic, gemini, ollama"),
            };
        }

        Uri? baseUrl = provider.BaseUrl;
        if (section["baseUrl"] is { } urlText)
        {
            baseUrl = Uri.TryCreate(urlText, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
                ? WithSlash(parsed)
                : throw SpellConfiguration.BadSetting(configuration, section.Path + ":baseUrl", $"'{urlText}' is not an http(s) URL");
        }

        var keyVariable = section["apiKeyEnv"] ?? provider.ApiKeyVariable;
        var key = section["apiKey"] ?? (keyVariable is null ? null : environment(keyVariable)) ?? provider.ApiKey;
        return provider with
        {
            Kind = kind,
            BaseUrl = baseUrl,
            ApiKeyVariable = keyVariable,
            ApiKey = string.IsNullOrEmpty(key) ? null : key,
            DefaultModel = section["defaultModel"] ?? provider.DefaultModel,
            KeyOptional = provider.KeyOptional || kind == ProviderKind.Ollama || (section["apiKey"] is null && keyVariable is null),
        };
    }

    /// <summary><c>"prices": { "gpt-4o": { "input": 2.5, "output": 10 }, "groq/*": { … } }</c>: US dollars per million tokens.</summary>
    private static Dictionary<string, Llm.ModelPrice> Prices(IConfiguration configuration, IConfigurationSection prices)
    {
        var table = new Dictionary<string, Llm.ModelPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in prices.GetChildren())
        {
            table[model.Key] = new Llm.ModelPrice(PerMillion(model, "input"), PerMillion(model, "output"));
        }
        return table;

        decimal PerMillion(IConfigurationSection model, string key) =>
            model[key] is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && value <= 1_000_000
                ? value
                : throw SpellConfiguration.BadSetting(configuration, model.Path + ":" + key, $"must be the price in US dollars per million {key} tokens (a number from 0), not '{model[key]}'");
    }

    private static int? Int(IConfiguration configuration, IConfigurationSection section, string key, int min, int max)
    {
        if (section[key] is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw SpellConfiguration.BadSetting(configuration, section.Path + ":" + key, $"must be a whole number from {min} to {max}, not '{text}'");
    }

    private static Uri? WithSlash(Uri? url) => url is null || url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
