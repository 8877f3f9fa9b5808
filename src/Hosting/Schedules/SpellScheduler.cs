using Cronos;
using LlmSpell.Errors;
using LlmSpell.Hosting.Application;
using LlmSpell.Hosting.Spells;
using LlmSpell.Values;
using LlmSpell.Workflows;
using Microsoft.Extensions.Logging;

namespace LlmSpell.Hosting.Schedules;

/// <summary>
/// Starts the workflows of scheduled spells when their occurrences fall due. Whoever ticks it — the
/// Functions app's timer, <c>llmspell serve</c>'s clock — may tick late, twice, or from several
/// instances at once: each occurrence's run id is made from the spell and the occurrence's time, and
/// an occurrence whose run exists is never started again, so it runs once.
/// </summary>
public sealed class SpellScheduler(SpellCatalog catalog, SpellRunService runs, TimeProvider time, ILogger<SpellScheduler> logger)
{
    /// <summary>
    /// How long after its time an occurrence still counts as on time. Later than this it was missed
    /// (the app was stopped or scaled to zero) and runs only if the schedule catches up.
    /// </summary>
    public static readonly TimeSpan OnTimeWindow = TimeSpan.FromMinutes(2);

    /// <summary>The input a scheduled run gets: when it was due.</summary>
    public const string ScheduledForKey = "scheduled_for";

    public static string RunId(string spell, DateTimeOffset occurrence) =>
        $"{spell}-schedule-{occurrence.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";

    /// <summary>Starts every occurrence due now that has not been started; returns the ids it started.</summary>
    /// <param name="workflows">Where the runs go (the Durable Functions task hub, or this host's engine).</param>
    public async Task<IReadOnlyList<string>> TickAsync(IWorkflowService workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var now = time.GetUtcNow();
        var started = new List<string>();
        foreach (var spell in await catalog.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (spell.Manifest.Triggers.Schedule is not { } schedule || Due(schedule, now) is not { } occurrence)
            {
                continue;
            }
            if (now - occurrence > OnTimeWindow && !schedule.CatchUp)
            {
                continue;
            }
            var id = RunId(spell.Name, occurrence);
            if (await workflows.StatusAsync(id, cancellationToken).ConfigureAwait(false) is not SpellNull)
            {
                continue;
            }
            var input = SpellValue.Map([new(ScheduledForKey, SpellValue.From(occurrence.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)))]);
            var start = await runs.StartWorkflowAsync(spell.Script,
                spell.RunOptions(input, workflows), id, cancellationToken).ConfigureAwait(false);
            if (start.Error is { } error)
            {
                // Another instance may have started it between our look and our start: that is the once we want.
                if (!start.RunIdInUse)
                {
                    logger.LogError("scheduled spell {Spell} could not start its run for {Occurrence:O}: {Error}", spell.Name, occurrence, error);
                }
                continue;
            }
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("scheduled spell {Spell} started run {RunId}", spell.Name, id);
            }
            started.Add(id);
        }
        return started;
    }

    /// <summary>The latest occurrence at or before <paramref name="now"/>, looking back at most a year.</summary>
    internal static DateTimeOffset? Due(ScheduleTrigger schedule, DateTimeOffset now)
    {
        var cron = CronExpression.Parse(schedule.Cron, CronFormat.IncludeSeconds);
        // Widening windows: a frequent schedule is found in the first, a yearly one in the last,
        // and no window enumerates more than a schedule fires in the one before it was empty.
        foreach (var lookBack in (ReadOnlySpan<TimeSpan>)[TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(32), TimeSpan.FromDays(367)])
        {
            DateTimeOffset? latest = null;
            foreach (var occurrence in cron.GetOccurrences(now - lookBack, now, schedule.TimeZone, fromInclusive: true, toInclusive: true))
            {
                latest = occurrence;
            }
            if (latest is not null)
            {
                return latest;
            }
        }
        return null;
    }
}
