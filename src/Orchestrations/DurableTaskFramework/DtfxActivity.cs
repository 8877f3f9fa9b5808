using LlmSpell.Orchestrations.Runtime;
using Dtfx = DurableTask.Core;

namespace LlmSpell.Orchestrations.DurableTaskFramework;

/// <summary>A registered activity on DTFx: our JSON text in and out; a failure is recorded as the embedded engine records it.</summary>
internal sealed class DtfxActivity(ActivityFunction activity, CancellationToken stopping) : Dtfx.TaskActivity
{
    public override string Run(Dtfx.TaskContext context, string input) =>
        throw new NotSupportedException("LlmSpell activities run asynchronously (RunAsync).");

    public override async Task<string> RunAsync(Dtfx.TaskContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var call = new ActivityContext(context.Name, context.OrchestrationInstance.InstanceId, context.TaskId, stopping);
        try
        {
            return (await activity(call, input).ConfigureAwait(false))!;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The worker is stopping: DTFx abandons the work item, so another worker runs the step.
            throw new Dtfx.Exceptions.SessionAbortedException("The worker stopped while the activity ran; it goes back to the task hub.");
        }
    }
}
