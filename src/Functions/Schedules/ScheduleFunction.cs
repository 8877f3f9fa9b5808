using LlmSpell.Hosting.Schedules;
using LlmSpell.Orchestrations.DurableTask;
using LlmSpell.Orchestrations.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace LlmSpell.Functions.Schedules;

/// <summary>
/// Scheduled spells: once a minute, the scheduler starts each occurrence that has come due as a
/// Durable Functions instance whose id is made from the spell and the occurrence, so a timer that
/// fires twice, on two instances or after a restart starts it once. Spell schedules are therefore
/// kept to the minute here (a schedule with seconds runs at most once a minute, its latest occurrence).
/// </summary>
public sealed class ScheduleFunction(SpellScheduler scheduler, ISpellArchive archive, LlmSpell.Spells.ISpellLibrary spells)
{
    public const string Tick = "0 * * * * *";

    [Function("SpellSchedules")]
    public Task RunSchedules([TimerTrigger(Tick)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return scheduler.TickAsync(new DurableTaskWorkflowService(client, archive, spells), cancellationToken);
    }
}
