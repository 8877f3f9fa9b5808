using System.CommandLine;
using LlmSpell.Hosting.Spells;
using LlmSpell.Running;
using Microsoft.Extensions.DependencyInjection;

namespace LlmSpell.Cli.Commands;

/// <summary><c>llmspell validate [folder]</c>: checks every deployable spell of a folder before it is served.</summary>
public static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var folder = new Argument<string>("folder") { Description = "The folder to check, with its sub-folders (default: the current one).", DefaultValueFactory = _ => "." };
        var command = new Command("validate", "Check every spell manifest (*.spell.json) of a folder and its script; report problems as file:line.") { folder };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await CliHost.StartAsync(console, new CliHostOptions(), cancellationToken).ConfigureAwait(false) is not { } built)
            {
                return ExitCodes.Usage;
            }
            await using var services = built;
            var runner = services.GetRequiredService<SpellRunner>();
            var scan = await SpellFolderScan.ScanAsync(parse.GetValue(folder)!, runner, cancellationToken).ConfigureAwait(false);
            foreach (var spell in scan.Spells)
            {
                var triggers = string.Join(", ", new[]
                {
                    spell.Manifest.Triggers.Http ? "http" : null,
                    spell.Manifest.Triggers.Queue is { } queue ? $"queue {queue.QueueName}" : null,
                    spell.Manifest.Triggers.Schedule is { } schedule ? $"schedule '{schedule.Cron}' {schedule.TimeZone.Id}" : null,
                }.Where(t => t is not null));
                await console.Out.WriteLineAsync($"ok   {spell.Name,-24} {Path.GetRelativePath(Environment.CurrentDirectory, spell.Script.Path!)} ({runner.ResolveEngine(spell.Script).Name}; {(triggers.Length == 0 ? "no triggers" : triggers)})").ConfigureAwait(false);
            }
            foreach (var problem in scan.Problems)
            {
                await console.Error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }
            await console.Out.WriteLineAsync($"{scan.Spells.Count} spell(s) valid, {scan.Problems.Count} problem(s)").ConfigureAwait(false);
            return scan.Problems.Count == 0 ? ExitCodes.Success : ExitCodes.ScriptError;
        });
        return command;
    }
}
