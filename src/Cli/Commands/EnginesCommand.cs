using System.CommandLine;
using LlmSpell.Running;
using Microsoft.Extensions.DependencyInjection;

namespace LlmSpell.Cli.Commands;

/// <summary><c>llmspell engines</c>: the languages this build runs.</summary>
public static class EnginesCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("engines", "List the script engines and the file extensions they run.");
        command.SetAction(async (_, cancellationToken) =>
        {
            if (await CliHost.StartAsync(console, new CliHostOptions(), cancellationToken).ConfigureAwait(false) is not { } built)
            {
                return ExitCodes.Usage;
            }

            await using var services = built;
            foreach (var engine in services.GetRequiredService<SpellRunner>().Engines)
            {
                var names = string.Join(", ", new[] { engine.Name }.Concat(engine.Aliases));
                await console.Out.WriteLineAsync($"{names,-16} {string.Join(" ", engine.FileExtensions),-8} {engine.Description}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
