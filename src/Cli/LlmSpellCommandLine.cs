using System.CommandLine;
using LlmSpell.Cli.Commands;

namespace LlmSpell.Cli;

/// <summary>The <c>llmspell</c> command tree.</summary>
public static class LlmSpellCommandLine
{
    public static async Task<int> InvokeAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand("LlmSpell runs spells: small Lua, JavaScript or Tengo scripts that drive LLMs, tools, agents and durable workflows.")
        {
            RunCommand.Create(console),
            NewCommand.Create(console),
            EnginesCommand.Create(console),
            ApiCommand.Create(console),
            ProvidersCommand.Create(console),
            McpCommand.Create(console),
            WorkerCommand.Create(console),
            WorkflowCommand.Create(console),
            ValidateCommand.Create(console),
            ServeCommand.Create(console),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"llmspell: {error.Message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Try 'llmspell --help'.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken).ConfigureAwait(false);
    }
}
