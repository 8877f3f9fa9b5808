using System.CommandLine;
using LlmSpell.Mcp;
using LlmSpell.Running;
using Microsoft.Extensions.DependencyInjection;

namespace LlmSpell.Cli.Commands;

/// <summary><c>llmspell mcp serve</c>: the host's tools as an MCP server on stdio, for any MCP client.</summary>
public static class McpCommand
{
    public static Command Create(CliConsole console)
    {
        var scope = new Option<string>("--scope") { Description = "The workspace and state scope the tools use.", DefaultValueFactory = _ => "mcp" };
        var spell = new Option<string?>("--spell") { Description = "Serve this spell's tools instead: it registers them and calls tools.serve(); its handlers answer the calls." };
        var input = new Option<string[]>("--input", "-i") { Description = "With --spell: an input value, key=text or key:=json. Repeatable." };
        var serve = new Command("serve", "Serve the built-in tools, or a spell's tools, over MCP on stdio.") { scope, spell, input };
        serve.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(spell) is { } file)
            {
                return await ServeSpellAsync(console, file, parse.GetValue(input) ?? [], cancellationToken).ConfigureAwait(false);
            }

            // Configured MCP servers are not connected: a config naming this very server would
            // otherwise start it again, without end.
            if (await CliHost.StartAsync(console, new CliHostOptions(), cancellationToken).ConfigureAwait(false) is not { } services)
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

    /// <summary>
    /// Runs the spell for as long as it serves: stdout carries the protocol, so what the spell prints
    /// goes to stderr, and the wall-clock limit is a day rather than a minute.
    /// </summary>
    private static async Task<int> ServeSpellAsync(CliConsole console, string file, string[] inputs, CancellationToken cancellationToken)
    {
        var limits = SandboxLimits.Default with { Timeout = TimeSpan.FromDays(1) };
        SpellScript script;
        Values.SpellMap inputMap;
        try
        {
            script = await SpellScript.LoadAsync(file, limits, Environment.CurrentDirectory, cancellationToken).ConfigureAwait(false);
            inputMap = await SpellInputParser.ParseAsync(inputs, null, TextReader.Null, cancellationToken).ConfigureAwait(false);
        }
        catch (Errors.SpellException e)
        {
            await console.Error.WriteLineAsync($"llmspell: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        if (await CliHost.StartAsync(console, new CliHostOptions(ConnectMcp: true), cancellationToken).ConfigureAwait(false) is not { } services)
        {
            return ExitCodes.Usage;
        }
        await using (services.ConfigureAwait(false))
        {
            var result = await services.GetRequiredService<SpellRunner>().RunAsync(script, new SpellRunOptions { Input = inputMap, Limits = limits, Output = console.Error }, cancellationToken).ConfigureAwait(false);
            if (result.Error is { } error)
            {
                await console.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
                return ExitCodes.For(error);
            }
            return ExitCodes.Success;
        }
    }
}
