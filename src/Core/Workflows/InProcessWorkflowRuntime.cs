using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Workflows;

/// <summary>Runs a workflow inside the spell's own run: steps call its functions, tools and agents directly.</summary>
public sealed class InProcessWorkflowRuntime(SpellContext context, WorkflowDefinition workflow) : IWorkflowRuntime
{
    public async Task<SpellValue> RunStepAsync(StepNode stepNode, string path, SpellValue input)
    {
        ArgumentNullException.ThrowIfNull(stepNode);
        using var activity = Telemetry.SpellTelemetry.Source.StartActivity($"workflow_step {path}");
        activity?.SetTag(Telemetry.SpellTelemetry.Attributes.WorkflowName, workflow.Name);
        activity?.SetTag(Telemetry.SpellTelemetry.Attributes.WorkflowStep, path);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WorkflowSteps.InvokeAsync(context, workflow, stepNode, path, input).ConfigureAwait(false);
            }
            catch (SpellException e) when (!e.Error.IsLimit && stepNode.Retry is { } retry && attempt < retry.Attempts)
            {
                activity?.AddEvent(new System.Diagnostics.ActivityEvent("retry", tags: new() { ["attempt"] = attempt, [Telemetry.SpellTelemetry.Attributes.ErrorType] = e.Error.Code }));
                context.Logger.LogStepRetry(path, attempt, e.Error.Message);
                await Task.Delay(retry.DelayAfter(attempt), context.Host.Time, context.CallCancellation).ConfigureAwait(false);
            }
            catch (SpellException e)
            {
                Telemetry.SpellTelemetry.SetError(activity, e.Error);
                throw;
            }
        }
    }

    public async Task<SpellValue> ReadStateAsync(string key) =>
        await context.Host.State.GetAsync(context.StateScope, key, context.CallCancellation).ConfigureAwait(false) ?? SpellValue.Null;

    public Task<SpellValue> RunLoopAsync(LoopNode loopNode, string path, SpellValue input) =>
        new WorkflowInterpreter(this).RunLoopInlineAsync(loopNode, path, input);

    /// <summary>The budget is open on the whole run while the workflow runs, so branches running side by side share it.</summary>
    public async Task<SpellValue> RunWithinBudgetAsync(WorkflowBudget budget, string path, Func<Task<SpellValue>> run)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(run);
        using (context.OpenBudget(budget.Open(path)))
        {
            return await run().ConfigureAwait(false);
        }
    }
}
