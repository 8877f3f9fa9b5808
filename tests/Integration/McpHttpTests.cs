using System.ComponentModel;
using System.Text.Json;
using LlmSpell.FakeProviders;
using LlmSpell.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using Xunit;

namespace LlmSpell.Integration;

/// <summary>
/// LlmSpell as the client of an MCP server it did not write: the SDK's own ASP.NET Core server,
/// over streamable HTTP, offering a tool a spell and an agent call.
/// </summary>
public sealed class McpHttpTests : IAsyncLifetime
{
    private readonly LlmSpellProcess _llmspell = new();
    private LoopbackServer _server = null!;
    private int _calls;

    public async ValueTask InitializeAsync()
    {
        var forecast = McpServerTool.Create(
            [Description("The weather forecast for a city.")] (string city, int days) =>
            {
                Interlocked.Increment(ref _calls);
                return $"{city}: sunny for {days} days";
            },
            new McpServerToolCreateOptions { Name = "forecast" });
        _server = await LoopbackServer.StartAsync(
            services => services.AddMcpServer().WithHttpTransport(o => o.Stateless = true).WithTools([forecast]),
            app => app.MapMcp("/mcp"));
        _llmspell.Write("llmspell.json", JsonSerializer.Serialize(new { mcp = new { servers = new Dictionary<string, object> { ["weather"] = new { url = new Uri(_server.Address, "/mcp").AbsoluteUri } } } }));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _llmspell.Dispose();
    }

    [Fact]
    public async Task A_spell_lists_checks_and_calls_a_tool_of_a_streamable_http_mcp_server()
    {
        var spell = _llmspell.Write("weather.lua", """
            local d = tools.describe("weather_forecast")
            local ok, err = pcall(tools.call, "weather_forecast", { city = "Oslo" })
            return { answer = tools.call("weather_forecast", { city = "Oslo", days = 3 }), source = d.source,
                     required = d.parameters.required, bad = err.message }
            """);

        var (exit, output, error) = await _llmspell.RunAsync("run", spell, "--json");

        Assert.True(exit == 0, error + output);
        var result = JsonDocument.Parse(output).RootElement.GetProperty("result");
        Assert.Equal("Oslo: sunny for 3 days", result.GetProperty("answer").GetString());
        Assert.Equal("weather", result.GetProperty("source").GetString());
        Assert.Equal(["city", "days"], result.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Contains("'days' is required", result.GetProperty("bad").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task An_agent_calls_the_http_mcp_tool_the_model_asks_for()
    {
        await using var vendor = await OpenAiCompatibleServer.StartAsync();
        vendor.Enqueue(FakeReply.CallTools(("c1", "weather_forecast", """{"city":"Lima","days":2}""")), FakeReply.Answer("Lima stays sunny."));
        _llmspell.Environment["OPENAI_API_KEY"] = "k";
        _llmspell.Environment["OPENAI_BASE_URL"] = vendor.BaseUrl.ToString();
        var spell = _llmspell.Write("agent.js", """
            const forecaster = agent.create({ name: "forecaster", instructions: "Use the forecast tool.", tools: ["weather_forecast"] });
            return await forecaster.run("Weather in Lima for two days?");
            """);

        var (exit, output, error) = await _llmspell.RunAsync("run", spell);

        Assert.True(exit == 0, error + output);
        Assert.Equal("Lima stays sunny.\n", output);
        var toolResult = vendor.Requests[1].Body!["messages"]!.AsArray().Single(m => (string?)m!["role"] == "tool");
        Assert.Equal("Lima: sunny for 2 days", (string?)toolResult!["content"]);
    }
}
