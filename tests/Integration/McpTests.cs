using System.Text.Json;
using LlmSpell.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Xunit;

namespace LlmSpell.Integration;

/// <summary>LlmSpell as an MCP server, checked with the SDK's own client, and as an MCP client of itself.</summary>
public sealed class McpTests : IDisposable
{
    private readonly LlmSpellProcess _llmspell = new();

    private static string Cli => Path.Combine(AppContext.BaseDirectory, "llmspell.dll");

    [Fact]
    public async Task Mcp_serve_offers_the_built_in_tools_to_an_mcp_client()
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "llmspell",
            Command = "dotnet",
            Arguments = [Cli, "mcp", "serve"],
            WorkingDirectory = _llmspell.WorkingDirectory,
        });
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: TestContext.Current.CancellationToken);

        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(tools, t => t.Name == "calculator");
        Assert.Contains(tools, t => t.Name == "http_request");
        var calculator = tools.Single(t => t.Name == "calculator");
        Assert.Contains("expression", calculator.JsonSchema.GetRawText(), StringComparison.Ordinal);

        var result = await client.CallToolAsync("calculator", new Dictionary<string, object?> { ["expression"] = "6 * 7" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotEqual(true, result.IsError);
        Assert.Equal("42", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);

        var bad = await client.CallToolAsync("calculator", new Dictionary<string, object?> { ["nope"] = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(bad.IsError);
    }

    [Fact]
    public async Task A_spell_calls_the_tools_of_a_configured_mcp_server()
    {
        _llmspell.Write("llmspell.json", JsonSerializer.Serialize(new { mcp = new { servers = new Dictionary<string, object> { ["self"] = new { command = "dotnet", args = new[] { Cli, "mcp", "serve" } } } } }));
        var spell = _llmspell.Write("mcp.lua", "local d = tools.describe('self_calculator')\nreturn { sum = tools.call('self_calculator', { expression = '6*7' }), source = d.source, has_schema = d.parameters.required[1] }");

        var (exit, output, error) = await _llmspell.RunAsync("run", spell, "--json");

        Assert.True(exit == 0, error + output);
        using var json = JsonDocument.Parse(output);
        var result = json.RootElement.GetProperty("result");
        Assert.Equal(42, result.GetProperty("sum").GetInt32());
        Assert.Equal("self", result.GetProperty("source").GetString());
        Assert.Equal("expression", result.GetProperty("has_schema").GetString());
    }

    [Theory]
    [InlineData("mcp-agent.lua")]
    [InlineData("mcp-agent.js")]
    [InlineData("mcp-agent.tengo")]
    public async Task The_mcp_agent_example_calls_an_mcp_tool_through_a_real_provider_wire(string example)
    {
        await using var vendor = await FakeProviders.OpenAiCompatibleServer.StartAsync();
        vendor.Enqueue(FakeProviders.FakeReply.CallTools(("c1", "self_calculator", "{\"expression\":\"17 * 23\"}")), FakeProviders.FakeReply.Answer("17 * 23 = 391"));
        _llmspell.Environment["OPENAI_API_KEY"] = "k";
        _llmspell.Environment["OPENAI_BASE_URL"] = vendor.BaseUrl.ToString();
        _llmspell.Write("llmspell.json", JsonSerializer.Serialize(new { mcp = new { servers = new Dictionary<string, object> { ["self"] = new { command = "dotnet", args = new[] { Cli, "mcp", "serve" } } } } }));

        var (exit, output, error) = await _llmspell.RunAsync("run", Path.Combine(LlmSpellProcess.Examples, example), "--json");

        Assert.True(exit == 0, error + output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("17 * 23 = 391", json.RootElement.GetProperty("result").GetProperty("answer").GetString());
        var offered = vendor.Requests[0].Body!["tools"]!.AsArray().Select(t => (string?)t!["function"]!["name"]).ToList();
        Assert.Contains("self_calculator", offered);
        var toolResult = vendor.Requests[1].Body!["messages"]!.AsArray().Single(m => (string?)m!["role"] == "tool");
        Assert.Equal("391", (string?)toolResult!["content"]);
    }

    [Theory]
    [InlineData("served.lua", """
        tools.register({ name = "greet", description = "Greets someone.",
          parameters = { type = "object", properties = { name = { type = "string" } }, required = { "name" } },
          handler = function(args) print("greeting " .. args.name); return "hello " .. args.name .. " from " .. input.who end })
        tools.serve()
        """)]
    [InlineData("served.js", """
        tools.register({ name: "greet", description: "Greets someone.",
          parameters: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
          handler: async (args) => { print(`greeting ${args.name}`); return `hello ${args.name} from ${input.who}`; } });
        await tools.serve();
        """)]
    [InlineData("served.tengo", """
        tools := import("tools")
        fmt := import("fmt")
        tools.register({name: "greet", description: "Greets someone.",
            parameters: {type: "object", properties: {name: {type: "string"}}, required: ["name"]},
            handler: func(args) { fmt.println("greeting " + args.name); return "hello " + args.name + " from " + input.who }})
        tools.serve()
        """)]
    public async Task Mcp_serve_with_a_spell_offers_its_tools_and_its_handlers_answer(string name, string source)
    {
        var spell = _llmspell.Write(name, source);
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "spell",
            Command = "dotnet",
            Arguments = [Cli, "mcp", "serve", "--spell", spell, "--input", "who=the spell"],
            WorkingDirectory = _llmspell.WorkingDirectory,
        });
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: TestContext.Current.CancellationToken);

        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(tools, t => t.Name == "greet" && t.Description == "Greets someone.");
        Assert.Contains(tools, t => t.Name == "calculator");

        var result = await client.CallToolAsync("greet", new Dictionary<string, object?> { ["name"] = "Ada" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotEqual(true, result.IsError);
        Assert.Equal("hello Ada from the spell", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        var again = await client.CallToolAsync("greet", new Dictionary<string, object?> { ["name"] = "Grace" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("hello Grace from the spell", Assert.IsType<TextContentBlock>(Assert.Single(again.Content)).Text);

        var bad = await client.CallToolAsync("greet", new Dictionary<string, object?>(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(bad.IsError);
    }

    [Fact]
    public async Task An_unreachable_mcp_server_is_reported_and_skipped()
    {
        _llmspell.Write("llmspell.json", """{ "mcp": { "servers": { "broken": { "command": "/no/such/program" } } } }""");
        var (exit, output, error) = await _llmspell.RunAsync("run", _llmspell.Write("x.lua", "return #tools.list()"));
        Assert.True(exit == 0, error);
        Assert.Contains("MCP server 'broken' is not available", error, StringComparison.Ordinal);
        Assert.Equal("11\n", output);
    }

    public void Dispose() => _llmspell.Dispose();
}
