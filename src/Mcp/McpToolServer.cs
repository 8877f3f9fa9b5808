using System.Text.Json;
using LlmSpell.Running;
using LlmSpell.Tools;
using LlmSpell.Values;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace LlmSpell.Mcp;

/// <summary><c>llmspell mcp serve</c>: the host's tools as an MCP server on stdio.</summary>
public static class McpToolServer
{
    public static async Task RunAsync(SpellHost host, string scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var builder = Host.CreateApplicationBuilder();
        // stdout carries the protocol; logs go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services
            .AddMcpServer(options => options.ServerInfo = new() { Name = "llmspell", Version = typeof(McpToolServer).Assembly.GetName().Version?.ToString() ?? "0" })
            .WithStdioServerTransport()
            .WithTools(host.Tools.Select(tool => McpServerTool.Create(new HostToolFunction(tool, host, scope))));
        await builder.Build().RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A host tool as an AIFunction; each call gets its own tool-call context.</summary>
    private sealed class HostToolFunction(ISpellTool tool, SpellHost host, string scope) : AIFunction
    {
        private readonly JsonElement _schema = JsonDocument.Parse(SpellJson.Serialize(tool.Parameters.Definition)).RootElement.Clone();

        public override string Name => tool.Name;

        public override string Description => tool.Description;

        public override JsonElement JsonSchema => _schema;

        protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) =>
            await new ToolFunction(tool, SpellContext.ForToolCall(host, scope, cancellationToken)).InvokeAsync(arguments, cancellationToken).ConfigureAwait(false);
    }
}
