using LlmSpell.Errors;
using LlmSpell.Orchestrations.Client;
using LlmSpell.Orchestrations.Storage;
using LlmSpell.Running;
using LlmSpell.Values;
using LlmSpell.Workflows;

namespace LlmSpell.Orchestrations.Workflows;

/// <summary>
/// Durable workflow runs for spells (<c>workflow.start/status/wait/raise</c>) and for the CLI:
/// archives the spell by hash and schedules the workflow orchestrator on the task hub, whichever
/// engine keeps it (the embedded one, or DTFx on Azure Storage).
/// </summary>
/// <param name="spells">Where the spells a workflow calls as steps are found, to pin them when a run starts.</param>
public sealed class DurableWorkflowService(IDurableClient client, ISpellArchive archive, LlmSpell.Spells.ISpellLibrary? spells = null) : IWorkflowService
{
    private readonly Threading.InitializeOnce _created = new(client.EnsureCreatedAsync);

    public IDurableClient Client { get; } = client;

    /// <summary>Raised after a run is scheduled; a process that has no worker running may start one.</summary>
    public event EventHandler<string>? RunStarted;

    public async Task<string> StartAsync(SpellScript script, SpellValue spec, SpellValue input, SpellValue spellInput, string? runId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var reference = await archive.SaveAsync(script, cancellationToken).ConfigureAwait(false);
        spec = await SpellStepPins.PinAsync(spec, script, spells, archive, cancellationToken).ConfigureAwait(false);
        using var activity = WorkflowTracing.StartRun(script, spec);
        var request = WorkflowRequest.For(reference, spec, input, spellInput);
        try
        {
            var id = await Client.ScheduleNewOrchestrationInstanceAsync(WorkflowOrchestrations.WorkflowOrchestrator, request,
                new StartOrchestrationOptions(runId), cancellationToken).ConfigureAwait(false);
            RunStarted?.Invoke(this, id);
            activity?.SetTag(Telemetry.SpellTelemetry.Attributes.RunId, id);
            return id;
        }
        catch (OrchestrationInstanceExistsException e)
        {
            // The cause stays typed, so a host can answer 409 without reading the message.
            throw new SpellException(SpellErrorCode.WorkflowError, e.Message, e);
        }
    }

    public async Task<SpellValue> StatusAsync(string runId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var instance = await Client.GetInstanceAsync(runId, true, cancellationToken).ConfigureAwait(false);
        return instance is null ? SpellValue.Null : ToValue(instance);
    }

    public async Task<SpellValue> WaitAsync(string runId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return ToValue(await Client.WaitForInstanceCompletionAsync(runId, cancellationToken).ConfigureAwait(false));
        }
        catch (InvalidOperationException e)
        {
            throw new SpellException(SpellErrorCode.NotFound, e.Message);
        }
    }

    public async Task RaiseAsync(string runId, string eventName, SpellValue data, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Client.RaiseEventAsync(runId, eventName, SpellJson.ToElement(data), cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw new SpellException(SpellErrorCode.NotFound, e.Message);
        }
    }

    /// <summary>An instance as spells see it.</summary>
    public static SpellMap ToValue(OrchestrationMetadata instance) => WorkflowRunStatus.From(instance).ToValue();
}
