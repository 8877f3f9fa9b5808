using System.CommandLine;
using LlmSpell.Llm;
using LlmSpell.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using LlmSpell.Hosting;

namespace LlmSpell.Cli.Commands;

/// <summary><c>llmspell providers</c>: the LLM providers, whether each has its key, and which is the default.</summary>
public static class ProvidersCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("providers", "List LLM providers, whether their keys are present, and the default.");
        command.SetAction(async (_, cancellationToken) =>
        {
            if (await CliHost.StartAsync(console, new CliHostOptions(), cancellationToken).ConfigureAwait(false) is not { } services)
            {
                return ExitCodes.Usage;
            }

            await using (services.ConfigureAwait(false))
            {
                var llm = services.GetRequiredService<LlmService>();
                var settings = services.GetRequiredService<IOptions<LlmSpellOptions>>().Value.Llm.Providers.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
                var defaultName = llm.DefaultProvider.Name;
                await console.Out.WriteLineAsync($"{"provider",-18} {"configured",-34} {"default model",-22} endpoint").ConfigureAwait(false);
                foreach (var provider in llm.Providers)
                {
                    var configured = settings.TryGetValue(provider.Name, out var s) ? Describe(s) : "yes (built in, offline)";
                    var mark = provider.Name == defaultName ? " (default)" : "";
                    await console.Out.WriteLineAsync($"{provider.Name + mark,-18} {configured,-34} {provider.DefaultModel,-22} {s?.BaseUrl?.ToString() ?? "-"}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    // Says whether the key is there and where it comes from; never shows the key.
    private static string Describe(ProviderSettings provider) => provider.IsConfigured
        ? provider.ApiKey is null ? "yes (no key needed)" : $"yes (key from {provider.ApiKeyVariable ?? "llmspell.json"})"
        : provider.KeyOptional ? "no (set its address)" : $"no ({provider.ApiKeyVariable ?? "apiKey"} not set)";
}
