using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Workflows;

/// <summary>How one step runs inside a spell's sandbox: its function, tool or agent on the step's input.</summary>
public static class WorkflowSteps
{
    public static async Task<SpellValue> InvokeAsync(SpellContext context, WorkflowDefinition workflow, StepNode step, string path, SpellValue input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(step);
        switch (step.Target)
        {
            case StepTarget.Function:
                var function = workflow.FindFunction(path)
                    ?? throw WorkflowErrors.Failed(path, "the step's function is missing from this run of the spell");
                return await function.InvokeAsync([input], context.CallCancellation).ConfigureAwait(false);
            case StepTarget.Tool:
                return await context.Tools.CallAsync(step.TargetName!, ToolArguments(step, path, input), context).ConfigureAwait(false);
            case StepTarget.Spell:
            {
                var script = await Spells.SpellCalls.FindAsync(context, step.TargetName!, context.CallCancellation).ConfigureAwait(false);
                return await Spells.SpellCalls.RunAsync(context, script, input, $"workflow step '{path}'", context.CallCancellation).ConfigureAwait(false);
            }
            case StepTarget.Event:
                // In process the event comes from this run (events.emit in a task or another branch),
                // taken once, oldest first, as a durable run takes the events raised to it.
                var arrived = await context.Events.TakeAsync(step.TargetName!, step.Timeout, context.Host.Time, context.CallCancellation).ConfigureAwait(false)
                    ?? throw WorkflowErrors.Failed(path, $"event '{step.TargetName}' did not arrive within {step.Timeout!.Value.TotalMilliseconds:0} ms");
                return arrived.Data;
            default:
                var agent = context.Agents.Find(step.TargetName!)
                    ?? throw WorkflowErrors.Failed(path, $"no agent named '{step.TargetName}' in this run of the spell");
                var request = input is SpellString text ? text.Value : SpellJson.Serialize(input);
                return SpellValue.From(await agent.RunAsync(context, request, thread: null, onChunk: null).ConfigureAwait(false));
        }
    }

    /// <summary>A tool step's arguments: its fixed args when it has them, otherwise its input, which must be a map.</summary>
    private static SpellMap ToolArguments(StepNode step, string path, SpellValue input) => step.Arguments ?? input switch
    {
        SpellMap map => map,
        SpellNull => SpellMap.Empty,
        _ => throw new SpellException(SpellErrorCode.BadArgument,
            $"workflow step '{path}': tool '{step.TargetName}' takes a map of arguments, but the step's input is {SpellValue.TypeName(input.Kind)}; give the step args = {{...}} or pass it a map"),
    };
}
