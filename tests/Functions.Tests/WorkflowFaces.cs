using System.Text.Json;
using LlmSpell.Engines.JavaScript;
using LlmSpell.Engines.Lua;
using LlmSpell.Engines.Tengo;
using LlmSpell.Functions.Workflows;
using LlmSpell.Orchestrations.DurableTask;
using LlmSpell.Orchestrations.Workflows;
using LlmSpell.Running;
using LlmSpell.State;
using LlmSpell.Testing;
using LlmSpell.Values;
using LlmSpell.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace LlmSpell.Functions.Tests;

/// <summary>
/// One workflow spell run four ways: in-process, on the embedded durable engine, as the Functions
/// app's orchestrator and activity functions — the very methods, unchanged — on the real
/// Microsoft.DurableTask worker runtime (its in-process test host), and on the Durable Task
/// Framework's Azure Storage backend (Azurite), as <c>llmspell worker</c> runs beyond one machine.
/// Each face has its own state.
/// </summary>
public sealed class WorkflowFaces : IAsyncLifetime
{
    /// <summary>The parity spells' folder: the spells they call as steps are found there.</summary>
    public static readonly Spells.ISpellLibrary ParitySpells = new Spells.FileSpellLibrary(Path.Combine(AppContext.BaseDirectory, "parity"), SandboxLimits.Default);

    private readonly string _archiveFolder = Directory.CreateTempSubdirectory("llmspell-parity-").FullName;
    private DurableFixture? _embedded;
    private DurableTaskTestHost? _functions;
    private AzuriteFixture? _azurite;
    private DurableFixture? _azureStorage;

    public SpellTestHost InProcess { get; } = NewHost();

    public SpellTestHost EmbeddedHost { get; } = NewHost();

    public SpellTestHost FunctionsHost { get; } = NewHost();

    public SpellTestHost AzureStorageHost { get; } = NewHost();

    public IWorkflowService Embedded => _embedded!.Workflows;

    public IWorkflowService AzureStorage => _azureStorage!.Workflows;

    public IWorkflowService Functions { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _embedded = new DurableFixture(ParitySpells);
        await _embedded.StartWorkerAsync(EmbeddedHost);
        (_functions, Functions) = await StartFunctionsAsync(FunctionsHost, new SpellArchive(_archiveFolder), ParitySpells);
        _azurite = new AzuriteFixture();
        _azureStorage = DurableFixture.OnAzureStorage(_azurite, ParitySpells);
        await _azureStorage.StartWorkerAsync(AzureStorageHost);
    }

    public async ValueTask DisposeAsync()
    {
        if (_functions is not null)
        {
            await _functions.DisposeAsync();
        }
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
        }
        if (_azureStorage is not null)
        {
            await _azureStorage.DisposeAsync();
        }
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
        Directory.Delete(_archiveFolder, recursive: true);
    }

    /// <summary>
    /// The Functions app's four workflow functions on a fresh Microsoft.DurableTask test host, with
    /// <paramref name="host"/>'s runner and state behind the activities.
    /// </summary>
    public static Task<(DurableTaskTestHost Hub, IWorkflowService Workflows)> StartFunctionsAsync(SpellTestHost host, ISpellArchive archive, Spells.ISpellLibrary? spells = null) =>
        StartFunctionsAsync(new SpellStepActivity(host.Runner, archive, SandboxLimits.Default), host.State, archive, spells);

    /// <summary>As above, with the step activity and state of an app's own services.</summary>
    public static async Task<(DurableTaskTestHost Hub, IWorkflowService Workflows)> StartFunctionsAsync(SpellStepActivity steps, IStateStore state, ISpellArchive archive, Spells.ISpellLibrary? spells = null)
    {
        // Typed registrations, as the Functions worker's OrchestrationTrigger binding gives its
        // context: GetInput<T> then returns the input as the function asks for it.
        var functions = new WorkflowFunctions(steps, state);
        // The test host picks a random port in 30000-40000 without asking, which collides with the
        // ephemeral ports other tests hold; a port the system has just found free, and a retry, do not.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartHubAsync(functions, archive, spells, LoopbackPorts.Free());
            }
            catch (IOException) when (attempt < 3)
            {
                // Taken between the look and the bind: another port.
            }
        }
    }

    private static async Task<(DurableTaskTestHost Hub, IWorkflowService Workflows)> StartHubAsync(WorkflowFunctions functions, ISpellArchive archive, Spells.ISpellLibrary? spells, int port)
    {
        var hub = await DurableTaskTestHost.StartAsync(registry => registry
            .AddOrchestratorFunc<WorkflowRequest, JsonElement>(WorkflowOrchestrations.WorkflowOrchestrator, (context, _) => WorkflowFunctions.RunWorkflow(context))
            .AddOrchestratorFunc<LoopRequest, JsonElement>(WorkflowOrchestrations.LoopOrchestrator, (context, _) => WorkflowFunctions.RunLoopIteration(context))
            .AddActivityFunc<StepRequest, JsonElement>(WorkflowOrchestrations.StepActivity, (context, request) => functions.RunStep(request, CancellationToken.None))
            .AddActivityFunc<StateRequest, JsonElement>(WorkflowOrchestrations.StateActivity, (context, request) => functions.ReadState(request, CancellationToken.None)),
            new DurableTaskTestHostOptions { LoggerFactory = NullLoggerFactory.Instance, Port = port });
        return (hub, new DurableTaskWorkflowService(hub.Client, archive, spells));
    }

    /// <summary>Declares the spell's workflow as a server would (run until its run call), starts it durably and waits for it.</summary>
    public static async Task<SpellMap> RunDurablyAsync(SpellTestHost host, IWorkflowService workflows, SpellScript script, SpellMap input, CancellationToken cancellationToken)
    {
        var declared = await host.Runner.RunAsync(script, new SpellRunOptions { Input = input, Workflow = new WorkflowInvocation.Capture() }, cancellationToken);
        Assert.True(declared.Error is null && declared.FinishedByHost, $"{script.Name} did not declare a workflow: {declared.Error}");
        var declaration = (SpellMap)declared.Value;
        var id = await workflows.StartAsync(script, declaration.Get("workflow"), declaration.Get("input"), input, null, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        return (SpellMap)await workflows.WaitAsync(id, timeout.Token);
    }

    private static SpellTestHost NewHost() => new([new LuaEngine(), new JavaScriptEngine(), new TengoEngine()], spells: ParitySpells);
}
