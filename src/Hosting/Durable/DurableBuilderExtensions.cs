using LlmSpell.Hosting.Durable;
using LlmSpell.Orchestrations;
using LlmSpell.Orchestrations.Client;
using LlmSpell.Orchestrations.Workflows;
using LlmSpell.Running;
using LlmSpell.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmSpell.Hosting;

public static class DurableBuilderExtensions
{
    /// <summary>
    /// Durable workflows (<c>workflow.start</c>, <c>llmspell workflow</c>) on the store the "durable"
    /// settings name, or the one <paramref name="configure"/> chooses. Runs are carried out by a
    /// worker: <see cref="AddDurableWorker"/> in this host, or another process.
    /// </summary>
    public static LlmSpellBuilder AddDurableWorkflows(this LlmSpellBuilder builder, Action<DurableWorkflowsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var durable = new DurableWorkflowsBuilder();
        configure?.Invoke(durable);
        if (durable.Override is { } choose)
        {
            builder.Configure(options => options.Durable = choose(options.Durable));
        }

        var services = builder.Services;
        builder.AddWorkflowSteps();
        services.TryAddSingleton(sp => LlmSpellServiceCollectionExtensions.Options(sp).Durable.CreateBackend());
        services.TryAddSingleton(sp => sp.GetRequiredService<IDurableBackend>().Client);
        services.TryAddSingleton(sp => new DurableWorkflowService(sp.GetRequiredService<IDurableClient>(), sp.GetRequiredService<ISpellArchive>(), sp.GetService<LlmSpell.Spells.ISpellLibrary>()));
        services.TryAddSingleton<LlmSpell.Workflows.IWorkflowService>(sp => sp.GetRequiredService<DurableWorkflowService>());
        services.TryAddSingleton(sp => new OrchestrationRegistry().AddSpellWorkflows(
            sp.GetRequiredService<SpellRunner>(), sp.GetRequiredService<ISpellArchive>(), sp.GetRequiredService<IStateStore>()));
        services.AddOptions<DurableWorkerOptions>();
        return builder;
    }

    /// <summary>
    /// What runs a workflow's steps when another durable engine drives the workflow (Durable
    /// Functions): the archive of pinned spells, and the step activity that runs one step of one of
    /// them in a fresh sandbox.
    /// </summary>
    public static LlmSpellBuilder AddWorkflowSteps(this LlmSpellBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(sp => LlmSpellServiceCollectionExtensions.Options(sp).Durable.CreateArchive());
        services.TryAddSingleton(sp => new SpellStepActivity(sp.GetRequiredService<SpellRunner>(), sp.GetRequiredService<ISpellArchive>(), SandboxLimits.Default));
        return builder;
    }

    /// <summary>A worker of the configured task hub, running the registered spell workflows.</summary>
    internal static IHostedService CreateWorker(IServiceProvider services) =>
        services.GetRequiredService<IDurableBackend>().CreateWorker(services.GetRequiredService<OrchestrationRegistry>(),
            services.GetRequiredService<IOptions<DurableWorkerOptions>>().Value, services.GetRequiredService<ILoggerFactory>());

    /// <summary>A worker that runs this host's share of durable workflows for as long as the host runs.</summary>
    public static LlmSpellBuilder AddDurableWorker(this LlmSpellBuilder builder, DurableWorkerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddDurableWorkflows();
        if (options is not null)
        {
            builder.Services.AddSingleton(Options.Create(options));
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DurableWorkerService>());
        return builder;
    }

    /// <summary>
    /// A worker that starts only once this host starts a durable run and stops with the host, so a
    /// one-off run whose spell waits for its own workflow needs no worker process.
    /// </summary>
    public static LlmSpellBuilder AddOnDemandDurableWorker(this LlmSpellBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddDurableWorkflows();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OnDemandDurableWorker>());
        return builder;
    }
}
