using System.Diagnostics;
using LlmSpell.Errors;
using LlmSpell.Telemetry;
using LlmSpell.Workflows;

namespace LlmSpell.Running;

/// <summary>The span and the metrics of one spell run.</summary>
internal static class RunTelemetry
{
    public static Activity? Start(SpellScript script, ISpellEngine engine, SpellRunOptions options)
    {
        var activity = SpellTelemetry.Source.StartActivity($"run_spell {script.Name}");
        if (activity is null)
        {
            return null;
        }
        activity.SetTag(SpellTelemetry.Attributes.SpellName, script.Name);
        activity.SetTag(SpellTelemetry.Attributes.SpellHash, script.ContentHash);
        activity.SetTag(SpellTelemetry.Attributes.Engine, engine.Name);
        if (options.Workflow is WorkflowInvocation.RunStep step)
        {
            activity.SetTag(SpellTelemetry.Attributes.WorkflowName, step.Workflow);
            activity.SetTag(SpellTelemetry.Attributes.WorkflowStep, step.Path);
        }
        return activity;
    }

    public static void Finish(Activity? activity, SpellRunResult result)
    {
        var outcome = result.Error?.Code ?? "ok";
        var engine = new KeyValuePair<string, object?>(SpellTelemetry.Attributes.Engine, result.Engine);
        SpellTelemetry.Runs.Add(1, engine, new(SpellTelemetry.Attributes.Outcome, outcome));
        SpellTelemetry.RunDuration.Record(result.Elapsed.TotalSeconds, engine, new(SpellTelemetry.Attributes.Outcome, outcome));
        if (result.Error is { } error)
        {
            SpellTelemetry.Errors.Add(1, engine, new(SpellTelemetry.Attributes.ErrorType, error.Code));
        }
        if (activity is null)
        {
            return;
        }
        activity.SetTag(SpellTelemetry.Attributes.GenAiInputTokens, result.Usage.InputTokens);
        activity.SetTag(SpellTelemetry.Attributes.GenAiOutputTokens, result.Usage.OutputTokens);
        activity.SetTag(SpellTelemetry.Attributes.CostUsd, (double)result.Usage.CostUsd);
        if (result.Error is { Code: not SpellErrorCode.Finished } failure)
        {
            SpellTelemetry.SetError(activity, failure);
        }
    }
}
