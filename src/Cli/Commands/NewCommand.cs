using System.CommandLine;
using LlmSpell.Hosting.Spells;
using LlmSpell.Running;
using Microsoft.Extensions.DependencyInjection;

namespace LlmSpell.Cli.Commands;

/// <summary>
/// <c>llmspell new NAME --lang lua|js|tengo</c>: a folder NAME with a deployable spell — manifest,
/// script and a test input — that runs as it is (<c>llmspell run NAME --input-json NAME/test-input.json</c>).
/// </summary>
public static class NewCommand
{
    private const string TestInputFile = "test-input.json";

    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "The spell's name: lower-case letters, digits, '-' or '_' (it becomes a URL segment and a queue name)." };
        var language = new Option<string>("--lang", "-l") { Description = "The language: lua, js or tengo (default lua).", DefaultValueFactory = _ => "lua" };
        var parent = new Option<string>("--in") { Description = "The folder to create it in (default: here).", DefaultValueFactory = _ => "." };
        var command = new Command("new", "Make a new deployable spell: a folder with its manifest, its script and a test input.") { name, language, parent };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var spell = parse.GetValue(name)!;
            if (!SpellManifestReader.IsValidName(spell))
            {
                await console.Error.WriteLineAsync($"llmspell: '{spell}' is not a spell name: use 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var folder = Path.Combine(parse.GetValue(parent)!, spell);
            if (Path.Exists(folder))
            {
                // Nothing already there is touched.
                await console.Error.WriteLineAsync($"llmspell: {folder} already exists; choose another name or remove it").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (await CliHost.StartAsync(console, new CliHostOptions(), cancellationToken).ConfigureAwait(false) is not { } built)
            {
                return ExitCodes.Usage;
            }

            await using var services = built;
            var wanted = parse.GetValue(language)!;
            var engines = services.GetRequiredService<SpellRunner>().Engines;
            if (engines.FirstOrDefault(e => e.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase) || e.Aliases.Contains(wanted, StringComparer.OrdinalIgnoreCase)) is not { } engine
                || engine is not IStarterSpell starter)
            {
                var offered = string.Join(", ", engines.OfType<IStarterSpell>().Cast<ISpellEngine>().Select(e => e.Name));
                await console.Error.WriteLineAsync($"llmspell: --lang must be one of {offered}, not '{wanted}'").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            Directory.CreateDirectory(folder);
            var script = spell + engine.FileExtensions[0];
            await File.WriteAllTextAsync(Path.Combine(folder, script), starter.StarterSource, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(folder, spell + SpellManifest.FileSuffix), Manifest(spell), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(folder, TestInputFile), "{ \"topic\": \"tide pools\" }\n", cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"""
                made {folder}/: {spell}{SpellManifest.FileSuffix}, {script}, {TestInputFile}
                run it:    llmspell run {folder} --input-json {Path.Combine(folder, TestInputFile)}
                check it:  llmspell validate {folder}
                serve it:  llmspell serve --spells {folder}
                """).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Manifest(string name) => $$"""
        {
          "name": "{{name}}",
          "description": "Gives three short facts about a topic.",
          "input": {
            "type": "object",
            "properties": { "topic": { "type": "string", "minLength": 1, "maxLength": 200 } },
            "required": ["topic"],
            "additionalProperties": false
          },
          "limits": { "timeout_ms": 30000, "memory_mb": 64 },
          "triggers": { "http": true }
        }

        """;
}
