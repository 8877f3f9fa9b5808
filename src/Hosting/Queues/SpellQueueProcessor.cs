using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using LlmSpell.Errors;
using LlmSpell.Hosting.Application;
using LlmSpell.Hosting.Spells;
using LlmSpell.Workflows;
using Microsoft.Extensions.Logging;

namespace LlmSpell.Hosting.Queues;

/// <summary>
/// Runs a queue-triggered spell for one message, the same for every face that receives messages
/// (the Functions app's queue triggers, <c>llmspell serve</c>'s listener). A run happens once per
/// message id: its result is written to <see cref="QueueRunRecords"/> and, with <c>reply_to</c>,
/// sent as a message there. A malformed message, or one whose input the spell's schema rejects,
/// goes to <c>&lt;queue&gt;-poison</c> at once; a failing run is retried by the queue until its
/// <c>max_dequeue_count</c>, then goes there with its last error.
/// </summary>
public sealed class SpellQueueProcessor(SpellRunService runs, QueueRunRecords records, QueueServiceClient queues, ILogger<SpellQueueProcessor> logger)
{
    /// <param name="queueMessageId">The queue's id of the message: the run id when the message names none.</param>
    /// <param name="dequeueCount">How many times the queue has handed this message out, this time included.</param>
    /// <param name="workflows">Where the spell's <c>workflow.start</c> goes, if not the host's.</param>
    public async Task<QueueOutcome> ProcessAsync(DeployedSpell spell, string message, string queueMessageId, long dequeueCount, IWorkflowService? workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spell);
        var trigger = spell.Manifest.Triggers.Queue ?? throw new ArgumentException($"spell '{spell.Name}' has no queue trigger", nameof(spell));
        QueuedRun run;
        try
        {
            run = QueuedRun.Parse(message, queueMessageId);
            spell.Manifest.Input?.Check(spell.Name, run.Input);
        }
        catch (SpellException e)
        {
            await PoisonAsync(spell, trigger, message, SafeId(queueMessageId), e.Error, cancellationToken).ConfigureAwait(false);
            return QueueOutcome.Poisoned(e.Error);
        }

        if (await records.ReadResultAsync(spell.Name, run.Id, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            // Delivered again after it ran (a crash before the message was deleted): the reply may
            // not have gone, so it goes again; replies carry the id for the receiver to drop repeats.
            await ReplyAsync(run, earlier, cancellationToken).ConfigureAwait(false);
            return QueueOutcome.AlreadyDone;
        }
        if (!await records.TryClaimAsync(spell.Name, run.Id, spell.Manifest.Limits.Timeout + TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false))
        {
            return QueueOutcome.RunningElsewhere;
        }
        try
        {
            var report = await runs.RunAsync(spell.Script, spell.RunOptions(run.Input, workflows), cancellationToken).ConfigureAwait(false);
            var record = Record(spell, run.Id, report);
            if (report.Result.Error is { } error)
            {
                if (dequeueCount < trigger.MaxDequeueCount && ErrorCategories.Of(error) != ErrorCategory.BadRequest)
                {
                    if (logger.IsEnabled(LogLevel.Warning))
                    {
                        logger.LogWarning("queue spell {Spell} failed run {Id} (attempt {Attempt} of {Max}); the queue retries it: {Error}", spell.Name, run.Id, dequeueCount, trigger.MaxDequeueCount, error);
                    }
                    return QueueOutcome.Retry(error);
                }
                await PoisonAsync(spell, trigger, message, run.Id, error, cancellationToken, record).ConfigureAwait(false);
                return QueueOutcome.Poisoned(error);
            }
            await records.WriteResultAsync(spell.Name, run.Id, record, cancellationToken).ConfigureAwait(false);
            await ReplyAsync(run, record, cancellationToken).ConfigureAwait(false);
            return QueueOutcome.Completed;
        }
        finally
        {
            await records.ReleaseClaimAsync(spell.Name, run.Id, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The queue that receives what a spell's queue could not run.</summary>
    public static string PoisonQueue(QueueTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return trigger.QueueName + "-poison";
    }

    private async Task PoisonAsync(DeployedSpell spell, QueueTrigger trigger, string message, string id, SpellError error, CancellationToken cancellationToken, string? record = null)
    {
        if (logger.IsEnabled(LogLevel.Error))
        {
            logger.LogError("queue spell {Spell}: message {Id} goes to {Poison}: {Error}", spell.Name, id, PoisonQueue(trigger), error);
        }
        await records.WritePoisonAsync(spell.Name, id, record ?? ErrorRecord(spell, id, error), cancellationToken).ConfigureAwait(false);
        var poison = queues.GetQueueClient(PoisonQueue(trigger));
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await poison.SendMessageAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReplyAsync(QueuedRun run, string record, CancellationToken cancellationToken)
    {
        if (run.ReplyTo is null)
        {
            return;
        }
        var reply = queues.GetQueueClient(run.ReplyTo);
        await reply.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await reply.SendMessageAsync(record, cancellationToken).ConfigureAwait(false);
    }

    private static string Record(DeployedSpell spell, string id, SpellRunReport report) => Write(spell, id, writer =>
    {
        writer.WritePropertyName("report");
        report.WriteTo(writer);
    });

    private static string ErrorRecord(DeployedSpell spell, string id, SpellError error) => Write(spell, id, writer =>
    {
        writer.WriteStartObject("error");
        writer.WriteString("code", error.Code);
        writer.WriteString("message", error.Message);
        writer.WriteEndObject();
    });

    private static string Write(DeployedSpell spell, string id, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("spell", spell.Name);
            writer.WriteString("hash", spell.ContentHash);
            writer.WriteString("at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            body(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // A malformed message may carry anything as its id; the record is named by the queue's id then.
    private static string SafeId(string queueMessageId) =>
        new(queueMessageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}

/// <summary>What became of a message: whether the queue should hand it out again, and the error if any.</summary>
public sealed record QueueOutcome(string Status, bool ShouldRetry, SpellError? Error)
{
    public static QueueOutcome Completed { get; } = new("completed", false, null);

    public static QueueOutcome AlreadyDone { get; } = new("already-done", false, null);

    public static QueueOutcome RunningElsewhere { get; } = new("running-elsewhere", false, null);

    public static QueueOutcome Retry(SpellError error) => new("retry", true, error);

    public static QueueOutcome Poisoned(SpellError error) => new("poisoned", false, error);
}
