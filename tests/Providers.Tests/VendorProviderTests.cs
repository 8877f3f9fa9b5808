using System.Text.Json.Nodes;
using LlmSpell.FakeProviders;
using Microsoft.Extensions.AI;
using Xunit;

namespace LlmSpell.Providers.Tests;

public sealed class OpenAIProviderTests : ProviderContract
{
    protected override string Model => "gpt-4o-mini";

    protected override string ChatPath => "/v1/chat/completions";

    protected override async Task<FakeVendorServer> StartServerAsync() => await OpenAiCompatibleServer.StartAsync("/v1/");

    protected override ProviderSettings Settings(Uri baseUrl) => new() { Name = "openai", ApiKey = "secret-test-key-123", BaseUrl = baseUrl, DefaultModel = Model };

    protected override int? MaxTokensSent(JsonNode body) => (int?)(body["max_completion_tokens"] ?? body["max_tokens"]);

    protected override string? SystemPromptSent(JsonNode body) => (string?)body["messages"]![0]!["content"];

    [Fact]
    public async Task Requests_carry_the_key_as_a_bearer_token()
    {
        await Provider.GetChatClient(Model).GetResponseAsync("hi", cancellationToken: Token);
        Assert.Equal("Bearer secret-test-key-123", Server.Requests.Single().Headers["authorization"]);
    }
}

public sealed class AzureOpenAIProviderTests : ProviderContract
{
    protected override string Model => "my-deployment";

    protected override string ChatPath => "/openai/v1/chat/completions";

    protected override async Task<FakeVendorServer> StartServerAsync() => await OpenAiCompatibleServer.StartAsync("/openai/v1/");

    protected override ProviderSettings Settings(Uri baseUrl) => new() { Name = "azure-openai", Kind = ProviderKind.AzureOpenAI, ApiKey = "secret-test-key-123", BaseUrl = baseUrl, DefaultModel = Model };

    protected override int? MaxTokensSent(JsonNode body) => (int?)(body["max_completion_tokens"] ?? body["max_tokens"]);

    protected override string? SystemPromptSent(JsonNode body) => (string?)body["messages"]![0]!["content"];

    [Fact]
    public async Task Requests_carry_the_azure_api_key_header()
    {
        await Provider.GetChatClient(Model).GetResponseAsync("hi", cancellationToken: Token);
        Assert.Equal("secret-test-key-123", Server.Requests.Single().Headers["api-key"]);
    }
}

public sealed class GeminiProviderTests : ProviderContract
{
    protected override string Model => "gemini-2.5-flash";

    protected override string ChatPath => "/v1beta/openai/chat/completions";

    protected override async Task<FakeVendorServer> StartServerAsync() => await OpenAiCompatibleServer.StartAsync("/v1beta/openai/");

    protected override ProviderSettings Settings(Uri baseUrl) => new() { Name = "gemini", Kind = ProviderKind.Gemini, ApiKey = "secret-test-key-123", BaseUrl = baseUrl, DefaultModel = Model };

    protected override int? MaxTokensSent(JsonNode body) => (int?)(body["max_completion_tokens"] ?? body["max_tokens"]);

    protected override string? SystemPromptSent(JsonNode body) => (string?)body["messages"]![0]!["content"];
}

public sealed class AnthropicProviderTests : ProviderContract
{
    protected override string Model => "claude-sonnet-4-5";

    protected override string ChatPath => "/v1/messages";

    protected override async Task<FakeVendorServer> StartServerAsync() => await AnthropicServer.StartAsync();

    protected override ProviderSettings Settings(Uri baseUrl) => new() { Name = "anthropic", Kind = ProviderKind.Anthropic, ApiKey = "secret-test-key-123", BaseUrl = baseUrl, DefaultModel = Model };

    protected override int? MaxTokensSent(JsonNode body) => (int?)body["max_tokens"];

    protected override string? SystemPromptSent(JsonNode body) => body["system"] switch
    {
        JsonValue value => (string?)value,
        JsonArray blocks => (string?)blocks[0]!["text"],
        _ => null,
    };

    [Fact]
    public async Task Requests_carry_the_key_and_the_api_version()
    {
        await Provider.GetChatClient(Model).GetResponseAsync("hi", cancellationToken: Token);
        var headers = Server.Requests.Single().Headers;
        // The documented header is x-api-key; Anthropic's own SDK (13.x) sends the key as a bearer token.
        var key = headers.TryGetValue("x-api-key", out var apiKey) ? apiKey : headers.GetValueOrDefault("authorization");
        Assert.True(key is "secret-test-key-123" or "Bearer secret-test-key-123", key);
        Assert.True(headers.ContainsKey("anthropic-version"));
    }
}

public sealed class OllamaProviderTests : ProviderContract
{
    protected override string Model => "llama3.2";

    protected override string ChatPath => "/api/chat";

    protected override async Task<FakeVendorServer> StartServerAsync() => await OllamaServer.StartAsync();

    protected override ProviderSettings Settings(Uri baseUrl) => new() { Name = "ollama", Kind = ProviderKind.Ollama, KeyOptional = true, BaseUrl = baseUrl, DefaultModel = Model };

    protected override int? MaxTokensSent(JsonNode body) => (int?)body["options"]?["num_predict"];

    protected override string? SystemPromptSent(JsonNode body) => (string?)body["messages"]![0]!["content"];
}
