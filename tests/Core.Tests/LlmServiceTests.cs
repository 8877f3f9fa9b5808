using LlmSpell.Errors;
using LlmSpell.Llm;
using Microsoft.Extensions.AI;
using Xunit;

namespace LlmSpell.Tests;

public sealed class LlmServiceTests
{
    [Fact]
    public void Without_a_configured_provider_the_mock_is_used_and_the_user_is_told_once()
    {
        var logger = new Microsoft.Extensions.Logging.Testing.FakeLogger<LlmService>();
        var service = new LlmService([], logger: logger);
        Assert.Equal("mock/echo", service.Resolve(null, null).ToString());
        service.Resolve(null, "reverse");
        var notice = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, notice.Level);
        Assert.Contains("offline 'mock' provider", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Naming_the_mock_explicitly_is_not_worth_a_notice()
    {
        var logger = new Microsoft.Extensions.Logging.Testing.FakeLogger<LlmService>();
        new LlmService([], logger: logger).Resolve("mock", null);
        Assert.Empty(logger.Collector.GetSnapshot());
    }

    [Theory]
    [InlineData(null, "mock/reverse", "mock/reverse")]
    [InlineData("mock", "reverse", "mock/reverse")]
    [InlineData("MOCK", null, "mock/echo")]
    [InlineData(null, "reverse", "mock/reverse")]
    public void Provider_and_model_names_resolve(string? provider, string? model, string expected) =>
        Assert.Equal(expected, new LlmService([]).Resolve(provider, model).ToString());

    [Fact]
    public void A_configured_real_provider_becomes_the_default()
    {
        var service = new LlmService([new FakeProvider("acme", configured: true)]);
        Assert.Equal("acme/big", service.Resolve(null, null).ToString());
        Assert.Equal("acme", service.DefaultProvider.Name);
    }

    [Fact]
    public void An_unconfigured_provider_is_not_the_default_and_cannot_be_called()
    {
        var service = new LlmService([new FakeProvider("acme", configured: false)]);
        Assert.Equal("mock", service.DefaultProvider.Name);
        Assert.Equal(SpellErrorCode.LlmError, Assert.Throws<SpellException>(() => service.Resolve("acme", null)).Code);
    }

    [Fact]
    public void The_configured_default_model_wins()
    {
        var service = new LlmService([new FakeProvider("acme", configured: true)], new LlmOptions { DefaultModel = "mock/reverse" });
        Assert.Equal("mock/reverse", service.Resolve(null, null).ToString());
    }

    [Fact]
    public void Unknown_names_and_contradictions_are_clear_errors()
    {
        var service = new LlmService([]);
        Assert.Equal("unknown LLM provider 'nope' (known: mock)", Assert.Throws<SpellException>(() => service.Resolve("nope", null)).Message);
        Assert.Equal(SpellErrorCode.BadArgument, Assert.Throws<SpellException>(() => service.Resolve("mock", "acme/model")).Code);
        Assert.Equal(SpellErrorCode.NotFound, Assert.Throws<SpellException>(() => LlmService.GetChatClient(service.Resolve(null, "gpt-9"))).Code);
    }

    private sealed class FakeProvider(string name, bool configured) : ILlmProvider
    {
        public string Name => name;

        public bool IsConfigured => configured;

        public string DefaultModel => "big";

        public IChatClient GetChatClient(string model) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>(["big"]);
    }
}

public sealed class MockChatClientTests
{
    [Fact]
    public async Task Echo_answers_with_the_last_user_message_and_counts_words_as_tokens()
    {
        using var client = new MockChatClient("echo");
        var response = await client.GetResponseAsync([new(ChatRole.System, "be kind"), new(ChatRole.User, "hello there")], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("echo: hello there", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(4, response.Usage!.InputTokenCount);
        Assert.Equal(3, response.Usage.OutputTokenCount);
    }

    [Fact]
    public async Task Max_tokens_truncates_and_reports_length()
    {
        using var client = new MockChatClient("reverse");
        var response = await client.GetResponseAsync([new(ChatRole.User, "a b c d")], new ChatOptions { MaxOutputTokens = 2 }, TestContext.Current.CancellationToken);
        Assert.Equal("reverse: d", response.Text);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
    }

    [Fact]
    public async Task Streaming_yields_word_chunks_that_add_up_to_the_answer_then_usage()
    {
        using var client = new MockChatClient("echo");
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "one two")], cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        Assert.Equal(["echo:", " one", " two", ""], updates.Select(u => u.Text));
        Assert.Equal("echo: one two", updates.ToChatResponse().Text);
        Assert.Equal(3, updates.ToChatResponse().Usage!.OutputTokenCount);
    }
}
