using System.CommandLine;
using LlmSpell.Mcp;
using LlmSpell.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmSpell.Cli.Commands;

/// <summary><c>llmspell mcp serve</c>: the host's tools as an MCP server on stdio, for any MCP client.</summary>
public static class McpCommand
{
    public static Command Create(CliConsole console)
    {
        var scope = new Option<string>("--scope") { Description = "The workspace and state scope the tools use.", DefaultValueFactory = _ => "mcp" };
        var serve = new Command("serve", "Serve the built-in tools over MCP on stdio.") { scope };
        serve.SetAction(async (parse, cancellationToken) =>
        {
            // Configured MCP servers are not connected: a config naming this very server would
            // otherwise start it again, without end.
            if (await SpellServices.TryBuildAsync(console, new CliHostOptions(Environment.CurrentDirectory, LogLevel.Warning)).ConfigureAwait(false) is not { } services)
            {
                return ExitCodes.Usage;
            }

            await using (services.ConfigureAwait(false))
            {
                await McpToolServer.RunAsync(services.GetRequiredService<SpellHost>(), parse.GetValue(scope)!, cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return new Command("mcp", "Model Context Protocol.") { serve };
    }
}
