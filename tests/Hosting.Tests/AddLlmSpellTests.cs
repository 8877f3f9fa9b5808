using LlmSpell.Errors;
using LlmSpell.Hosting.Application;
using LlmSpell.Running;
using LlmSpell.Values;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace LlmSpell.Hosting.Tests;

/// <summary>The composition root as a host uses it: a generic host, AddLlmSpell, start, run.</summary>
public sealed class AddLlmSpellTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("llmspell-hosting-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HostApplicationBuilder Builder(Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration[LlmSpellServiceCollectionExtensions.ContentRootKey] = _root;
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        return builder;
    }

    [Theory]
    [InlineData("""{ "llm": { "providers": { "acme": { "kind": "cohere" } } } }""", "llm.providers.acme.kind")]
    [InlineData("""{ "durable": { "provider": "azure-storage", "connectionString": "not a connection string" } }""", "durable.connectionString")]
    [InlineData("""{ "durable": { "provider": "cosmos" } }""", "durable.provider")]
    [InlineData("""{ "durable": { "partitions": "many" } }""", "durable.partitions")]
    [InlineData("""{ "durable": { "controlQueueBatchSize": 64 } }""", "durable.controlQueueBatchSize must be a whole number from 1 to 32")]
    [InlineData("""{ "durable": { "maxQueuePollingInterval": "1s" } }""", "durable.maxQueuePollingInterval")]
    [InlineData("""{ "durable": { "maxQueuePollingInterval": "00:10:00" } }""", "durable.maxQueuePollingInterval")]
    [InlineData("""{ "durable": { "extendedSessions": "sometimes" } }""", "durable.extendedSessions")]
    [InlineData("""{ "tools": { "http": { "timeoutSeconds": "soon" } } }""", "tools.http.timeoutSeconds")]
    [InlineData("""{ "tools": { "http": { "timeoutSeconds": 0 } } }""", "tools.http.timeoutSeconds must be a whole number from 1 to 3600")]
    [InlineData("""{ "tools": { "http": { "timeoutSeconds": -5 } } }""", "tools.http.timeoutSeconds")]
    [InlineData("""{ "tools": { "http": { "timeoutSeconds": 99999999999 } } }""", "tools.http.timeoutSeconds")]
    [InlineData("""{ "tools": { "http": { "maxResponseBytes": 0 } } }""", "tools.http.maxResponseBytes")]
    [InlineData("""{ "mcp": { "servers": { "files": { } } } }""", "mcp.servers.files")]
    [InlineData("""{ "llm": { "prices": { "gpt-4o": { "input": "cheap", "output": 1 } } } }""", "llm.prices.gpt-4o.input")]
    [InlineData("""{ "telemetry": { "otlpEndpoint": "collector:4318" } }""", "telemetry.otlpEndpoint")]
    [InlineData("""{ "telemetry": { "otlpProtocol": "http/json" } }""", "telemetry.otlpProtocol")]
    public async Task A_malformed_setting_fails_the_host_at_start_naming_the_setting_and_its_file(string json, string setting)
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "llmspell.json"), json, Token);
        var builder = Builder();
        builder.Services.AddLlmSpell(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<SpellException>(() => host.StartAsync(Token));
        Assert.Equal(SpellErrorCode.BadArgument, error.Code);
        Assert.Contains(Path.Combine(_root, "llmspell.json") + ": " + setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_setting_from_the_hosts_configuration_is_named_as_such()
    {
        var builder = Builder(new() { ["durable:taskHub"] = "no spaces allowed" });
        builder.Services.AddLlmSpell(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<SpellException>(() => host.StartAsync(Token));
        Assert.Contains("durable.taskHub must be 3 to 45 letters and digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_content_root_comes_from_configuration_not_the_current_directory()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "llmspell.json"), """{ "llm": { "default": "mock/reverse" } }""", Token);
        var builder = Builder();
        builder.Services.AddLlmSpell(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync(Token);

        var report = await host.Services.GetRequiredService<SpellRunService>().RunAsync(new SpellScript("hello.lua", "state.set('k', 1) return llm.complete('abc')"), new SpellRunOptions(), Token);

        // The mock answers "<model>: <prompt>": "reverse" is the model llmspell.json chose.
        Assert.Equal(SpellValue.From("reverse: abc"), report.Result.Value);
        Assert.True(Directory.Exists(Path.Combine(_root, ".llmspell", "state")));
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task Any_chat_client_can_be_registered_under_a_provider_name()
    {
        var builder = Builder();
        builder.Services.AddLlmSpell(builder.Configuration, spell => spell.AddJavaScript().AddChatClient("acme", _ => new EchoUpper(), "acme-1"));
        using var host = builder.Build();
        await host.StartAsync(Token);

        var runner = host.Services.GetRequiredService<SpellRunner>();
        var result = await runner.RunAsync(new SpellScript("acme.js", "return await llm.complete('hi there', { model: 'acme/acme-1' })"), new SpellRunOptions(), Token);

        Assert.Null(result.Error);
        Assert.Equal(SpellValue.From("HI THERE"), result.Value);
        Assert.Equal(["js"], runner.Engines.Select(e => e.Name));
        await host.StopAsync(Token);
    }

    [Fact]
    public async Task With_no_engine_chosen_all_three_run()
    {
        var builder = Builder();
        builder.Services.AddLlmSpell(builder.Configuration, _ => { });
        using var host = builder.Build();
        await host.StartAsync(Token);

        Assert.Equal(["lua", "js", "tengo"], host.Services.GetRequiredService<SpellRunner>().Engines.Select(e => e.Name));
        await host.StopAsync(Token);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class EchoUpper : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, messages.Last().Text.ToUpperInvariant())) { ModelId = options?.ModelId });

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var response = await GetResponseAsync(messages, options, cancellationToken);
            foreach (var update in response.ToChatResponseUpdates())
            {
                yield return update;
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
