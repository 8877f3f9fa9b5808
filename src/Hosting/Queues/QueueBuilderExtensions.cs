using Azure.Storage.Queues;
using LlmSpell.Configuration;
using LlmSpell.Hosting.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LlmSpell.Hosting;

public static class QueueBuilderExtensions
{
    /// <summary>
    /// What runs queue-triggered spells: the processor, on the durable storage account's queues,
    /// with results in its <c>&lt;taskHub&gt;-results</c> container. Resolving it without an account
    /// configured is a setting error naming <c>durable:provider</c>.
    /// </summary>
    public static LlmSpellBuilder AddQueueAgents(this LlmSpellBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(sp => Account(sp).Queues());
        services.TryAddSingleton(sp => new QueueRunRecords(Account(sp).Blobs().GetBlobContainerClient(LlmSpellServiceCollectionExtensions.Options(sp).Durable.TaskHub.ToLowerInvariant() + "-results")));
        services.TryAddSingleton<SpellQueueProcessor>();
        return builder;
    }

    /// <summary>Queue agents with this host's own listener (<c>llmspell serve</c>), when a storage account is configured.</summary>
    public static LlmSpellBuilder AddQueueListener(this LlmSpellBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddQueueAgents().AddDurableWorkflows();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, QueueListenerService>());
        return builder;
    }

    private static Orchestrations.Storage.AzureStorage.AzureStorageAccount Account(IServiceProvider services) =>
        LlmSpellServiceCollectionExtensions.Options(services).Durable.Account
        ?? throw new Errors.SpellException(Errors.SpellErrorCode.BadArgument, "setting durable:provider: queue-triggered spells need a storage account (durable.provider azure-storage with its account)");
}
