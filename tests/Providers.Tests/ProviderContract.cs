using System.Diagnostics;
using System.Text.Json.Nodes;
using LlmSpell.Errors;
using LlmSpell.FakeProviders;
using LlmSpell.Llm;
using Microsoft.Extensions.AI;
using Xunit;

namespace LlmSpell.Providers.Tests;

/// <summary>
/// The provider test suite: every provider passes the same cases against a local server speaking its
/// vendor's wire format. Assertions look at the requests the client sent as well as at the answers.
/// </summary>
public abstract class ProviderContract : IAsyncLifetime
{
    private ProviderFactory? _factory;

    protected FakeVendorServer Server { get; private set; } = null!;

    protected ILlmProvider Provider { get; private set; } = null!;

    protected abstract string Model { get; }

    /// <summary>The path of the chat endpoint, e.g. "/v1/chat/completions".</summary>
    protected abstract string ChatPath { get; }

    protected abstract Task<FakeVendorServer> StartServerAsync();

    protected abstract ProviderSettings Settings(Uri baseUrl);

    /// <summary>The maximum-tokens field of the request as the vendor names it.</summary>
    protected abstract int? MaxTokensSent(JsonNode body);

    protected abstract string? SystemPromptSent(JsonNode body);

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Server = await StartServerAsync();
        _factory = new ProviderFactory();
        Provider = _factory.Create(new LlmSettings { Providers = [Settings(Server.BaseUrl)], RetryDelay = TimeSpan.FromMilliseconds(50), MaxAttempts = 3 }).Single();
    }

    public async ValueTask DisposeAsync()
    {
        _factory?.Dispose();
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private IChatClient Chat => Provider.GetChatClient(Model);

    [Fact]
    public async Task A_completion_sends_model_messages_and_options_and_returns_text_and_usage()
    {
        Server.Enqueue(FakeReply.Answer("Hello there", inputTokens: 12, outputTokens: 3));
        var response = await Chat.GetResponseAsync(
            [new(ChatRole.System, "Be brief."), new(ChatRole.User, "Say hello")],
            new ChatOptions { MaxOutputTokens = 50, Temperature = 0.25f },
            Token);

        Assert.Equal("Hello there", response.Text);
        Assert.Equal(12, response.Usage?.InputTokenCount);
        Assert.Equal(3, response.Usage?.OutputTokenCount);
        var request = Assert.Single(Server.Requests);
        Assert.Equal(ChatPath, request.Path);
        Assert.Equal(Model, (string?)request.Body!["model"]);
        Assert.Equal(50, MaxTokensSent(request.Body));
        Assert.Equal("Be brief.", SystemPromptSent(request.Body));
        Assert.Contains("Say hello", request.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_arrives_in_chunks_that_add_up_to_the_answer()
    {
        Server.Enqueue(FakeReply.Answer("one two three four"));
        var chunks = new List<string>();
        await foreach (var update in Chat.GetStreamingResponseAsync([new(ChatRole.User, "count")], cancellationToken: Token))
        {
            if (update.Text.Length > 0) chunks.Add(update.Text);
        }

        Assert.Equal("one two three four", string.Concat(chunks));
        Assert.True(chunks.Count >= 4, $"expected one chunk per word, got {chunks.Count}");
    }

    [Fact]
    public async Task Tool_calls_become_host_calls_and_their_results_go_back()
    {
        Server.Enqueue(
            FakeReply.CallTools(("call_1", "get_weather", "{\"city\":\"Paris\"}"), ("call_2", "get_weather", "{\"city\":\"Oslo\"}")),
            FakeReply.Answer("Paris is sunny, Oslo is snowy."));
        var cities = new List<string>();
        var weather = AIFunctionFactory.Create((string city) => { cities.Add(city); return city == "Paris" ? "sunny" : "snowy"; }, "get_weather", "The weather in a city");
        using var client = new ChatClientBuilder(Chat).UseFunctionInvocation().Build();

        var response = await client.GetResponseAsync([new(ChatRole.User, "Weather in Paris and Oslo?")], new ChatOptions { Tools = [weather] }, Token);

        Assert.Equal("Paris is sunny, Oslo is snowy.", response.Text);
        Assert.Equal(["Paris", "Oslo"], cities);
        Assert.Equal(2, Server.Requests.Count);
        Assert.Contains("get_weather", Server.Requests[0].Body!.ToJsonString(), StringComparison.Ordinal);
        var second = Server.Requests[1].Body!.ToJsonString();
        Assert.Contains("sunny", second, StringComparison.Ordinal);
        Assert.Contains("snowy", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streamed_tool_calls_are_assembled_from_their_pieces()
    {
        Server.Enqueue(FakeReply.CallTools(("call_9", "lookup", "{\"query\":\"a fairly long argument\"}")), FakeReply.Answer("done"));
        string? seen = null;
        var lookup = AIFunctionFactory.Create((string query) => { seen = query; return "ok"; }, "lookup");
        using var client = new ChatClientBuilder(Chat).UseFunctionInvocation().Build();

        var text = "";
        await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "look it up")], new ChatOptions { Tools = [lookup] }, Token))
        {
            text += update.Text;
        }

        Assert.Equal("a fairly long argument", seen);
        Assert.Equal("done", text);
    }

    [Fact]
    public async Task A_json_schema_response_format_is_sent()
    {
        Server.Enqueue(FakeReply.Answer("{\"name\":\"Ada\",\"age\":36}"));
        var schema = JsonNode.Parse("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\"}},\"required\":[\"name\",\"age\"]}")!;
        var format = ChatResponseFormat.ForJsonSchema(System.Text.Json.JsonSerializer.SerializeToElement(schema), "person");

        var response = await Chat.GetResponseAsync([new(ChatRole.User, "Who?")], new ChatOptions { ResponseFormat = format }, Token);

        Assert.Equal("{\"name\":\"Ada\",\"age\":36}", response.Text);
        Assert.Contains("\"required\"", Server.Requests.Single().Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limits_are_retried_honouring_retry_after()
    {
        Server.Enqueue(FakeReply.Fail(429, "rate_limit_error", "Slow down", retryAfterSeconds: 1), FakeReply.Answer("finally"));
        var clock = Stopwatch.StartNew();
        var response = await Chat.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: Token);
        Assert.Equal("finally", response.Text);
        Assert.Equal(2, Server.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, before Retry-After");
    }

    [Fact]
    public async Task Server_errors_are_retried_then_reported()
    {
        Server.Enqueue(FakeReply.Fail(500, "api_error", "boom"), FakeReply.Fail(503, "overloaded_error", "busy"), FakeReply.Fail(502, "api_error", "still down"));
        var error = await Assert.ThrowsAsync<SpellException>(() => Chat.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: Token));
        Assert.Equal(SpellErrorCode.LlmError, error.Code);
        Assert.Equal(3, Server.Requests.Count);
        Assert.Contains("still down", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endless_rate_limiting_ends_as_llm_rate_limited()
    {
        Server.Enqueue(Enumerable.Repeat(FakeReply.Fail(429, "rate_limit_error", "Too many requests"), 3).ToArray());
        var error = await Assert.ThrowsAsync<SpellException>(() => Chat.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: Token));
        Assert.Equal(SpellErrorCode.LlmRateLimited, error.Code);
    }

    [Fact]
    public async Task A_refused_key_is_llm_auth_and_the_key_never_shows()
    {
        Server.Enqueue(FakeReply.Fail(401, "authentication_error", "invalid x-api-key: secret-test-key-123"));
        var error = await Assert.ThrowsAsync<SpellException>(() => Chat.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: Token));
        Assert.Equal(SpellErrorCode.LlmAuth, error.Code);
        if (Settings(Server.BaseUrl).ApiKey is { } key)
        {
            Assert.DoesNotContain(key, error.ToString(), StringComparison.Ordinal);
        }

        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task An_unknown_model_is_not_found()
    {
        Server.Enqueue(FakeReply.Fail(404, "not_found_error", "model: gpt-9 not found"));
        var error = await Assert.ThrowsAsync<SpellException>(() => Chat.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: Token));
        Assert.Equal(SpellErrorCode.NotFound, error.Code);
        Assert.Contains("gpt-9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prompt_over_the_context_window_is_llm_context_too_long()
    {
        Server.Enqueue(FakeReply.Fail(400, "invalid_request_error", "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens."));
        var error = await Assert.ThrowsAsync<SpellException>(() => Chat.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: Token));
        Assert.Equal(SpellErrorCode.LlmContextTooLong, error.Code);
    }

    [Theory]
    [InlineData("text/html", "<html><body>502 Bad Gateway</body></html>")]
    [InlineData("application/json", "{}")]
    [InlineData("application/json", "null")]
    public async Task A_success_that_is_not_the_vendors_reply_is_an_llm_error_that_says_so(string contentType, string body)
    {
        Server.Enqueue(FakeReply.Raw(200, contentType, body));
        var error = await Assert.ThrowsAsync<SpellException>(() => Chat.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: Token));

        Assert.Equal(SpellErrorCode.LlmError, error.Code);
        Assert.Contains($"/{Model}: the provider answered ({contentType}) with something that is not ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"check that {Server.BaseUrl}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_in_a_stream_are_mapped_too()
    {
        Server.Enqueue(FakeReply.Fail(401, "authentication_error", "bad key"));
        var error = await Assert.ThrowsAsync<SpellException>(async () =>
        {
            await foreach (var _ in Chat.GetStreamingResponseAsync([new(ChatRole.User, "hi")], cancellationToken: Token))
            {
            }
        });
        Assert.Equal(SpellErrorCode.LlmAuth, error.Code);
    }

    [Fact]
    public async Task Models_are_listed_from_the_vendor_endpoint()
    {
        var models = await Provider.ListModelsAsync(Token);
        Assert.NotEmpty(models);
        Assert.Equal(models.Order(StringComparer.Ordinal), models);
    }
}
