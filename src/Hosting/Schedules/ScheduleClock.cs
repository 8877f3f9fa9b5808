using LlmSpell.Workflows;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmSpell.Hosting.Schedules;

/// <summary>
/// Ticks the scheduler every second for as long as a self-hosted server runs (<c>llmspell serve</c>);
/// the Functions app ticks it from a timer trigger instead.
/// </summary>
public sealed class ScheduleClock(SpellScheduler scheduler, IWorkflowService workflows, TimeProvider time, ILogger<ScheduleClock> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                await scheduler.TickAsync(workflows, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed tick (storage down) must not stop the server; the next one tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "the schedule tick failed; trying again in {Period}", Period);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
