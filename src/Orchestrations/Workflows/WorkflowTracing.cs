using System.Diagnostics;
using LlmSpell.Running;
using LlmSpell.Telemetry;
using LlmSpell.Values;

namespace LlmSpell.Orchestrations.Workflows;

/// <summary>
/// One trace for a durable run, however many processes and replays it takes: starting a run is a
/// producer span in the caller's trace (the HTTP request, the CLI command), its W3C context travels
/// in the run's input to every step, and each step is a consumer span under it. The orchestrator
/// itself makes no spans, because it replays.
/// </summary>
public static class WorkflowTracing
{
    /// <summary>The span of scheduling a run; null when nobody listens.</summary>
    public static Activity? StartRun(SpellScript script, SpellValue spec)
    {
        ArgumentNullException.ThrowIfNull(script);
        var name = (spec as SpellMap)?.Get("name") is SpellString s ? s.Value : script.Id;
        var activity = SpellTelemetry.Source.StartActivity($"orchestration {name}", ActivityKind.Producer);
        activity?.SetTag(SpellTelemetry.Attributes.WorkflowName, name);
        activity?.SetTag(SpellTelemetry.Attributes.SpellName, script.Name);
        activity?.SetTag(SpellTelemetry.Attributes.SpellHash, script.ContentHash);
        return activity;
    }

    /// <summary>The trace context a run carries: the current span's, if it is recorded.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>The span of one durable step, under the span that started its run.</summary>
    public static Activity? StartStep(StepRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ActivityContext.TryParse(request.TraceParent, null, out var parent);
        var activity = SpellTelemetry.Source.StartActivity($"workflow_step {request.Path}", ActivityKind.Consumer, parent);
        activity?.SetTag(SpellTelemetry.Attributes.WorkflowName, request.Workflow);
        activity?.SetTag(SpellTelemetry.Attributes.WorkflowStep, request.Path);
        activity?.SetTag(SpellTelemetry.Attributes.SpellHash, request.Spell.Hash);
        return activity;
    }
}
