using LlmSpell.Configuration;
using LlmSpell.Errors;
using Xunit;

namespace LlmSpell.Providers.Tests;

public sealed class LlmSettingsLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llmspell-settings-").FullName;
    private readonly Dictionary<string, string> _environment = [];

    private LlmSettings Load() => LlmSettingsLoader.Load(SpellConfiguration.Build(_folder), name => _environment.GetValueOrDefault(name));

    private static ProviderSettings Provider(LlmSettings settings, string name) => settings.Providers.Single(p => p.Name == name);

    [Fact]
    public void With_no_keys_no_provider_is_configured()
    {
        var settings = Load();
        Assert.Equal(["openai", "azure-openai", "anthropic", "gemini", "ollama"], settings.Providers.Select(p => p.Name));
        Assert.All(settings.Providers, p => Assert.False(p.IsConfigured, p.Name));
    }

    [Fact]
    public void The_usual_environment_variables_configure_the_built_in_providers()
    {
        _environment["OPENAI_API_KEY"] = "sk-1";
        _environment["ANTHROPIC_API_KEY"] = "sk-ant";
        _environment["GEMINI_API_KEY"] = "g";
        _environment["AZURE_OPENAI_ENDPOINT"] = "https://res.openai.azure.com";
        _environment["AZURE_OPENAI_API_KEY"] = "az";
        _environment["AZURE_OPENAI_DEPLOYMENT"] = "prod-4o";
        _environment["OLLAMA_HOST"] = "gpu-box:11434";
        _environment["LLMSPELL_MODEL"] = "anthropic/claude-haiku-4-5";

        var settings = Load();

        Assert.All(settings.Providers, p => Assert.True(p.IsConfigured, p.Name));
        Assert.Equal("https://res.openai.azure.com/openai/v1/", Provider(settings, "azure-openai").BaseUrl!.ToString());
        Assert.Equal("prod-4o", Provider(settings, "azure-openai").DefaultModel);
        Assert.Equal("http://gpu-box:11434/", Provider(settings, "ollama").BaseUrl!.ToString());
        Assert.Equal("anthropic/claude-haiku-4-5", settings.DefaultModel);
    }

    [Fact]
    public void An_azure_key_without_an_endpoint_configures_nothing()
    {
        _environment["AZURE_OPENAI_API_KEY"] = "az";
        Assert.False(Provider(Load(), "azure-openai").IsConfigured);
    }

    [Fact]
    public void The_config_file_adds_providers_and_overrides_built_in_ones()
    {
        _environment["GROQ_API_KEY"] = "gsk";
        File.WriteAllText(Path.Combine(_folder, "llmspell.json"), """
            { "llm": { "default": "groq/llama", "maxAttempts": 2, "retryDelayMs": 10,
                       "providers": { "groq": { "kind": "openai-compatible", "baseUrl": "https://api.groq.com/openai/v1", "apiKeyEnv": "GROQ_API_KEY", "defaultModel": "llama" },
                                      "openai": { "defaultModel": "gpt-4.1" },
                                      "local": { "kind": "openai-compatible", "baseUrl": "http://localhost:8000/v1/" } } } }
            """);
        Directory.CreateDirectory(Path.Combine(_folder, ".llmspell"));
        File.WriteAllText(Path.Combine(_folder, ".llmspell", "config.json"), """{ "llm": { "maxAttempts": 5 } }""");

        var settings = Load();

        var groq = Provider(settings, "groq");
        Assert.True(groq.IsConfigured);
        Assert.Equal("gsk", groq.ApiKey);
        Assert.Equal("https://api.groq.com/openai/v1/", groq.BaseUrl!.ToString());
        Assert.Equal("gpt-4.1", Provider(settings, "openai").DefaultModel);
        Assert.True(Provider(settings, "local").IsConfigured, "a keyless local server is configured by its address");
        Assert.Equal("groq/llama", settings.DefaultModel);
        Assert.Equal(5, settings.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(10), settings.RetryDelay);
    }

    [Theory]
    [InlineData("{ \"llm\": ", "llmspell.json")]
    [InlineData("{ \"llm\": { \"providers\": { \"x\": { \"kind\": \"cohere\" } } } }", "llm.providers.x.kind 'cohere'")]
    [InlineData("{ \"llm\": { \"providers\": { \"x\": { \"baseUrl\": \"ftp://nope\" } } } }", "llm.providers.x.baseUrl")]
    [InlineData("{ \"llm\": { \"maxAttempts\": 99 } }", "llm.maxAttempts must be a whole number from 1 to 10")]
    public void A_bad_config_file_is_a_bad_argument_naming_file_and_setting(string json, string expected)
    {
        File.WriteAllText(Path.Combine(_folder, "llmspell.json"), json);
        var error = Assert.Throws<SpellException>(Load);
        Assert.Equal(SpellErrorCode.BadArgument, error.Code);
        Assert.Contains("llmspell.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
