using Azure.Storage.Queues.Models;
using LlmSpell.Hosting.Queues;
using LlmSpell.Hosting.Spells;
using LlmSpell.Orchestrations.DurableTask;
using LlmSpell.Orchestrations.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace LlmSpell.Functions.Queues;

/// <summary>
/// Queue-triggered spells. Each spell names its own queue in its manifest, so this function is a
/// template: at start-up <see cref="SpellQueueFunctionMetadata"/> replaces it with one queue trigger
/// per queue-triggered spell, all dispatched here, and the function's name says which spell it is.
/// The template itself listens nowhere.
/// </summary>
public sealed class SpellQueueFunction(SpellCatalog catalog, SpellQueueProcessor processor, ISpellArchive archive, LlmSpell.Spells.ISpellLibrary spells)
{
    public const string Template = "SpellQueue";

    /// <summary>Functions are named <c>SpellQueue-{spell}</c>.</summary>
    public const string NamePrefix = Template + "-";

    /// <summary>The template's queue in the build's metadata; replaced before the host sees it.</summary>
    public const string TemplateQueue = "llmspell-template";

    [Function(Template)]
    public async Task RunQueued([QueueTrigger(TemplateQueue)] QueueMessage message, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var name = context.FunctionDefinition.Name;
        var spell = name.StartsWith(NamePrefix, StringComparison.Ordinal) ? await catalog.FindAsync(name[NamePrefix.Length..], context.CancellationToken).ConfigureAwait(false) : null;
        if (spell?.Manifest.Triggers.Queue is null)
        {
            // The spell was removed since start-up: leave the message for the host's retries and poison queue.
            throw new InvalidOperationException($"function {name} serves no queue-triggered spell; the message stays on its queue");
        }
        var outcome = await processor.ProcessAsync(spell, message.Body.ToString(), message.MessageId, message.DequeueCount,
            new DurableTaskWorkflowService(client, archive, spells), context.CancellationToken).ConfigureAwait(false);
        if (outcome.ShouldRetry)
        {
            // Failing the invocation is how the host retries: the message comes back after its
            // visibility timeout, with its dequeue count raised.
            throw new SpellQueueRetryException(spell.Name, outcome.Error!);
        }
    }
}
