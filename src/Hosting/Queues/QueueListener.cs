using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using LlmSpell.Hosting.Spells;
using LlmSpell.Workflows;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmSpell.Hosting.Queues;

/// <summary>
/// <c>llmspell serve</c>'s queue trigger: polls the queue of every queue-triggered spell on the
/// configured storage account and hands each message to <see cref="SpellQueueProcessor"/>. A message
/// stays invisible while it runs; one to retry comes back after a growing delay, as it would on Functions.
/// </summary>
public sealed class QueueListener(SpellCatalog catalog, SpellQueueProcessor processor, QueueServiceClient queues, IWorkflowService workflows, ILogger<QueueListener> logger) : BackgroundService
{
    private static readonly TimeSpan BusyPoll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(2);
    private const int BatchSize = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var created = new HashSet<string>(StringComparer.Ordinal);
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                foreach (var spell in await catalog.ListAsync(stoppingToken).ConfigureAwait(false))
                {
                    if (spell.Manifest.Triggers.Queue is { } trigger)
                    {
                        handled += await PollAsync(spell, trigger, created, stoppingToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Storage away for a while must not stop the server; the next poll tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "polling the spell queues failed; trying again in {Delay}", IdlePoll);
            }
            await Task.Delay(handled > 0 ? BusyPoll : IdlePoll, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task<int> PollAsync(DeployedSpell spell, QueueTrigger trigger, HashSet<string> created, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(trigger.QueueName);
        if (created.Add(trigger.QueueName))
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        // Invisible for as long as the spell may run, so no other instance takes it meanwhile.
        var invisible = spell.Manifest.Limits.Timeout + TimeSpan.FromSeconds(30);
        QueueMessage[] messages = (await queue.ReceiveMessagesAsync(BatchSize, invisible, cancellationToken).ConfigureAwait(false)).Value;
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (message, token) =>
        {
            QueueOutcome outcome;
            try
            {
                outcome = await processor.ProcessAsync(spell, message.Body.ToString(), message.MessageId, message.DequeueCount, workflows, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage failed under this message (its result or reply could not be written): it
                // stays on the queue and comes back when its invisibility ends; its neighbours go on.
                logger.LogError(e, "queue spell {Spell}: message {Id} could not be handled; it will be delivered again", spell.Name, message.MessageId);
                return;
            }
            try
            {
                if (outcome.ShouldRetry)
                {
                    var backoff = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, message.DequeueCount - 1)));
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: backoff, cancellationToken: token).ConfigureAwait(false);
                }
                else
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, token).ConfigureAwait(false);
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Its invisibility ran out and another poll took it; that poll's outcome stands.
            }
        }).ConfigureAwait(false);
        return messages.Length;
    }
}
