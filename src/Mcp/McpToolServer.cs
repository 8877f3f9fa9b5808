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

/// <summary>
/// Tools as an MCP server on stdio: the host's own (<c>llmspell mcp serve</c>), or a spell's, built-in
/// and registered alike (<c>tools.serve()</c> under <c>llmspell mcp serve --spell</c>).
/// </summary>
public sealed class McpToolServer : IToolServer
{
    /// <summary>The host's tools, each call in its own tool-call context under <paramref name="scope"/>.</summary>
    public static Task RunAsync(SpellHost host, string scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        return ServeAsync(host.Tools.Select(tool => McpServerTool.Create(new HostToolFunction(tool, host, scope))), cancellationToken);
    }

    /// <summary>The run's tools; calls run in the spell's context, so its handlers answer them.</summary>
    public Task ServeAsync(SpellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ServeAsync(context.Tools.All.Select(tool => McpServerTool.Create(new ToolFunction(tool, context))), cancellationToken);
    }

    private static async Task ServeAsync(IEnumerable<McpServerTool> tools, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        // stdout carries the protocol; logs go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services
            .AddMcpServer(options => options.ServerInfo = new() { Name = "llmspell", Version = typeof(McpToolServer).Assembly.GetName().Version?.ToString() ?? "0" })
            .WithStdioServerTransport()
            .WithTools(tools);
        await builder.Build().RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A host tool as an AIFunction; each call gets its own tool-call context.</summary>
    private sealed class HostToolFunction(ISpellTool tool, SpellHost host, string scope) : AIFunction
    {
        private readonly JsonElement _schema = SpellJson.ToElement(tool.Parameters.Definition);

        public override string Name => tool.Name;

        public override string Description => tool.Description;

        public override JsonElement JsonSchema => _schema;

        protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) =>
            await new ToolFunction(tool, SpellContext.ForToolCall(host, scope, cancellationToken)).InvokeAsync(arguments, cancellationToken).ConfigureAwait(false);
    }
}
