using LlmSpell.Errors;
using LlmSpell.Orchestrations.Workflows;
using LlmSpell.Running;
using LlmSpell.Values;
using LlmSpell.Workflows;
using Microsoft.DurableTask.Client;
using Standard = Microsoft.DurableTask;

namespace LlmSpell.Orchestrations.DurableTask;

/// <summary>
/// <c>workflow.start/status/wait/raise</c> on a Microsoft.DurableTask client: in the Functions app
/// this is the Durable Functions task hub, so runs that spells start are ordinary Durable Functions
/// instances, with the same management API as those started over HTTP.
/// </summary>
/// <param name="spells">Where the spells a workflow calls as steps are found, to pin them when a run starts.</param>
public sealed class DurableTaskWorkflowService(DurableTaskClient client, ISpellArchive archive, LlmSpell.Spells.ISpellLibrary? spells = null) : IWorkflowService
{
    public DurableTaskClient Client { get; } = client;

    public async Task<string> StartAsync(SpellScript script, SpellValue spec, SpellValue input, SpellValue spellInput, string? runId, CancellationToken cancellationToken)
    {
        var reference = await archive.SaveAsync(script, cancellationToken).ConfigureAwait(false);
        spec = await SpellStepPins.PinAsync(spec, script, spells, archive, cancellationToken).ConfigureAwait(false);
        using var activity = WorkflowTracing.StartRun(script, spec);
        var request = WorkflowRequest.For(reference, spec, input, spellInput);
        if (runId is not null && await Client.GetInstanceAsync(runId, false, cancellationToken).ConfigureAwait(false) is { } existing
            && existing.RuntimeStatus is not (OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
        {
            // Durable Functions would replace a running instance of the same id; a spell asking for an id means "once".
            var exists = new OrchestrationInstanceExistsException(runId, DurableTaskInstances.ToOurs(existing.RuntimeStatus));
            throw new SpellException(SpellErrorCode.WorkflowError, $"a run with id '{runId}' already exists and is {existing.RuntimeStatus.ToString().ToLowerInvariant()}", exists);
        }
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(WorkflowOrchestrations.WorkflowOrchestrator, request,
            new Standard.StartOrchestrationOptions(runId), cancellationToken).ConfigureAwait(false);
        activity?.SetTag(Telemetry.SpellTelemetry.Attributes.RunId, id);
        return id;
    }

    public async Task<SpellValue> StatusAsync(string runId, CancellationToken cancellationToken)
    {
        var instance = await Client.GetInstanceAsync(runId, true, cancellationToken).ConfigureAwait(false);
        return instance is null ? SpellValue.Null : DurableTaskInstances.ToStatus(instance).ToValue();
    }

    public async Task<SpellValue> WaitAsync(string runId, CancellationToken cancellationToken)
    {
        await EnsureExistsAsync(runId, cancellationToken).ConfigureAwait(false);
        return DurableTaskInstances.ToStatus(await Client.WaitForInstanceCompletionAsync(runId, true, cancellationToken).ConfigureAwait(false)).ToValue();
    }

    public async Task RaiseAsync(string runId, string eventName, SpellValue data, CancellationToken cancellationToken)
    {
        await EnsureExistsAsync(runId, cancellationToken).ConfigureAwait(false);
        await Client.RaiseEventAsync(runId, eventName, SpellJson.ToElement(data), cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureExistsAsync(string runId, CancellationToken cancellationToken)
    {
        if (await Client.GetInstanceAsync(runId, false, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new SpellException(SpellErrorCode.NotFound, $"there is no workflow run with id '{runId}'");
        }
    }
}
