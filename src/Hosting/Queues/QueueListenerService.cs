using LlmSpell.Hosting.Spells;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmSpell.Hosting.Queues;

/// <summary>
/// Starts the <see cref="QueueListener"/> when it can do something: a storage account is configured.
/// Without one a self-hosted server still serves HTTP and schedules, and says which queue-triggered
/// spells it is not listening for.
/// </summary>
internal sealed class QueueListenerService(IServiceProvider services, IOptions<LlmSpellOptions> options, SpellCatalog catalog, ILogger<QueueListenerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Durable.Account is null)
        {
            var queued = (await catalog.ListAsync(stoppingToken).ConfigureAwait(false)).Where(s => s.Manifest.Triggers.Queue is not null).Select(s => s.Name).ToList();
            if (queued.Count > 0 && logger.IsEnabled(LogLevel.Warning))
            {
                logger.LogWarning("not listening for queue-triggered spells ({Spells}): queues need a storage account (durable.provider azure-storage with its account)", string.Join(", ", queued));
            }
            return;
        }
        using var listener = ActivatorUtilities.CreateInstance<QueueListener>(services);
        await listener.StartAsync(stoppingToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        await listener.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
