using System.CommandLine;
using LlmSpell.Api;
using LlmSpell.Running;
using Microsoft.Extensions.DependencyInjection;

namespace LlmSpell.Cli.Commands;

/// <summary><c>llmspell api</c>: writes editor declarations of the spell API (llmspell.d.ts, llmspell.lua, llmspell.tengo).</summary>
public static class ApiCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--out", "-o") { Description = "The folder to write the declaration files to.", DefaultValueFactory = _ => "." };
        var engine = new Option<string?>("--engine", "-e") { Description = "Only this engine's file (lua, js, tengo)." };
        var command = new Command("api", "Write editor declarations of the spell API: TypeScript for JavaScript, LuaLS annotations for Lua, a documented stub module for Tengo.") { output, engine };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await CliHost.StartAsync(console, new CliHostOptions(), cancellationToken).ConfigureAwait(false) is not { } built)
            {
                return ExitCodes.Usage;
            }

            await using var services = built;
            var api = services.GetRequiredService<SpellApi>();
            var name = parse.GetValue(engine);
            var engines = services.GetRequiredService<SpellRunner>().Engines
                .Where(e => name is null || e.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || e.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase))
                .OfType<IEditorSupport>()
                .ToList();
            if (engines.Count == 0)
            {
                await console.Error.WriteLineAsync($"llmspell: no engine '{name}' with editor declarations").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            foreach (var support in engines)
            {
                var path = Path.Combine(folder, support.DeclarationFileName);
                await File.WriteAllTextAsync(path, support.GenerateDeclarations(api), cancellationToken).ConfigureAwait(false);
                await console.Out.WriteLineAsync(path).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
