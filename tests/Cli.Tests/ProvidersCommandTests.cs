using LlmSpell.Testing;
using Xunit;

namespace LlmSpell.Cli.Tests;

public sealed class ProvidersCommandTests : IDisposable
{
    private readonly LlmSpellProcess _llmspell = new();

    [Fact]
    public async Task Lists_providers_with_key_presence_and_never_the_key()
    {
        _llmspell.Environment["ANTHROPIC_API_KEY"] = "sk-ant-very-secret";
        var (exit, output, error) = await _llmspell.RunAsync("providers");
        Assert.True(exit == 0, error);
        Assert.Matches(@"(?m)^anthropic \(default\)\s+yes \(key from ANTHROPIC_API_KEY\)\s+claude-sonnet-4-5", output);
        Assert.Matches(@"(?m)^openai\s+no \(OPENAI_API_KEY not set\)", output);
        Assert.Matches(@"(?m)^mock\s+yes \(built in, offline\)", output);
        Assert.DoesNotContain("very-secret", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("providers")]
    [InlineData("engines")]
    [InlineData("api")]
    public async Task A_malformed_config_file_is_bad_usage_naming_it(string command)
    {
        _llmspell.Write("llmspell.json", "{ \"llm\": { \"maxAttempts\": \"lots\" } }");
        var (exit, _, error) = await _llmspell.RunAsync(command);
        Assert.Equal(2, exit);
        Assert.Contains("llmspell.json: llm.maxAttempts must be a whole number", error, StringComparison.Ordinal);
    }

    public void Dispose() => _llmspell.Dispose();
}
