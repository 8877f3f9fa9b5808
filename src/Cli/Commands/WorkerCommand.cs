using System.Globalization;
using System.CommandLine;
using LlmSpell.Hosting;
using LlmSpell.Orchestrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmSpell.Cli.Commands;

/// <summary><c>llmspell worker</c>: runs durable workflows from the configured store until stopped.</summary>
public static class WorkerCommand
{
    public static Command Create(CliConsole console)
    {
        var orchestrations = new Option<int?>("--orchestrations") { Description = "Workflow episodes processed at once (default: cores, at least 2, on the embedded engine; 10 per core on Azure Storage)." };
        var activities = new Option<int?>("--activities") { Description = "Spell steps run at once (default: 4 per core)." };
        var lockTimeout = new Option<double?>("--lock-timeout") { Description = "Seconds a worker holds work without renewing it; a crashed worker's work moves on after this (default 30).", CustomParser = StrictNumbers.Seconds };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log every lock, retry and spell log line." };
        var command = new Command("worker", "Run durable workflows (started with 'llmspell workflow start') until Ctrl+C.") { orchestrations, activities, lockTimeout, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var defaults = new DurableWorkerOptions();
            var options = defaults with
            {
                MaxConcurrentOrchestrations = parse.GetValue(orchestrations),
                MaxConcurrentActivities = parse.GetValue(activities) ?? defaults.MaxConcurrentActivities,
                LockTimeout = parse.GetValue(lockTimeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : defaults.LockTimeout,
            };
            if (options.MaxConcurrentOrchestrations is < 1 || options.MaxConcurrentActivities < 1)
            {
                await console.Error.WriteLineAsync("llmspell: --orchestrations and --activities must be at least 1").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            if (!(options.LockTimeout >= TimeSpan.FromSeconds(1) && options.LockTimeout <= TimeSpan.FromHours(1)))
            {
                await console.Error.WriteLineAsync("llmspell: --lock-timeout must be between 1 and 3600 seconds").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            var host = new CliHostOptions(parse.GetValue(verbose) ? LogLevel.Debug : LogLevel.Warning, ConnectMcp: true, Worker: options);
            // Starting the host starts the worker.
            if (await CliHost.StartAsync(console, host, cancellationToken).ConfigureAwait(false) is not { } services)
            {
                return ExitCodes.Usage;
            }
            await using (services.ConfigureAwait(false))
            {
                var durable = services.GetRequiredService<IOptions<LlmSpellOptions>>().Value.Durable;
                await console.Out.WriteLineAsync($"llmspell worker: running workflows from {durable.Describe(services.ContentRoot)} ({options.MaxConcurrentOrchestrations?.ToString(CultureInfo.InvariantCulture) ?? "the engine's default"} orchestration, {options.MaxConcurrentActivities} step slots); Ctrl+C stops").ConfigureAwait(false);
                await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: stopping the host hands running steps back to the store for the next worker.
                }
            }
            await console.Out.WriteLineAsync("llmspell worker: stopped").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
