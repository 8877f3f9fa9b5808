using System.Text.Json;
using LlmSpell.Errors;
using LlmSpell.Values;
using LlmSpell.Workflows;

namespace LlmSpell.Orchestrations.Workflows;

/// <summary>
/// Runs the workflow interpreter inside an orchestrator: each step is the step activity (a fresh
/// sandbox of the pinned spell), retries are durable, event steps wait for raised events, and loops
/// are sub-orchestrations that continue as new once per iteration. Stays on the orchestrator's
/// thread: no ConfigureAwait(false) here.
/// </summary>
internal sealed class DurableWorkflowRuntime(OrchestrationContext context, SpellReference spell, string workflow, JsonElement runInput) : IWorkflowRuntime
{
    private int _completed;

    public async Task<SpellValue> RunStepAsync(StepNode stepNode, string path, SpellValue input)
    {
        context.SetCustomStatus(new WorkflowProgress(workflow, path, _completed));
        SpellValue result;
        if (stepNode.Target == StepTarget.Event)
        {
            result = await WaitForEventAsync(stepNode, path);
        }
        else
        {
            var request = new StepRequest(spell, workflow, path, SpellJson.ToElement(input), runInput);
            var options = stepNode.Retry is { } retry
                ? new TaskOptions(new RetryPolicy(retry.Attempts, retry.Delay, retry.Backoff, retry.MaxDelay))
                : null;
            try
            {
                result = SpellValues.FromJson(await context.CallActivityAsync<JsonElement>(WorkflowOrchestrations.StepActivity, request, options));
            }
            catch (TaskFailedException failed)
            {
                throw new SpellException(SpellErrorCode.WorkflowError, $"workflow step '{path}' failed: {failed.FailureDetails.Message}");
            }
        }
        _completed++;
        context.SetCustomStatus(new WorkflowProgress(workflow, path, _completed));
        return result;
    }

    public async Task<SpellValue> ReadStateAsync(string key) =>
        SpellValues.FromJson(await context.CallActivityAsync<JsonElement>(WorkflowOrchestrations.StateActivity, new StateRequest(spell, key)));

    public async Task<SpellValue> RunLoopAsync(LoopNode loopNode, string path, SpellValue input)
    {
        var request = new LoopRequest(spell, workflow, path, SpellJson.ToElement(WorkflowSpec.ToValue(loopNode)), SpellJson.ToElement(input), 1, runInput);
        try
        {
            return SpellValues.FromJson(await context.CallSubOrchestratorAsync<JsonElement>(WorkflowOrchestrations.LoopOrchestrator, request));
        }
        catch (TaskFailedException failed)
        {
            throw new SpellException(SpellErrorCode.WorkflowError, failed.FailureDetails.Message);
        }
    }

    private async Task<SpellValue> WaitForEventAsync(StepNode stepNode, string path)
    {
        try
        {
            var data = stepNode.Timeout is { } timeout
                ? await context.WaitForExternalEvent<JsonElement>(stepNode.TargetName!, timeout)
                : await context.WaitForExternalEvent<JsonElement>(stepNode.TargetName!);
            return SpellValues.FromJson(data);
        }
        catch (TimeoutException)
        {
            throw WorkflowErrors.Failed(path, $"event '{stepNode.TargetName}' did not arrive within {stepNode.Timeout!.Value.TotalMilliseconds:0} ms");
        }
    }
}
