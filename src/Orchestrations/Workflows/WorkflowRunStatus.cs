using System.Globalization;
using LlmSpell.Orchestrations.Storage;
using LlmSpell.Values;

namespace LlmSpell.Orchestrations.Workflows;

/// <summary>A durable run as its callers see it: spells (<see cref="ToValue"/>), the CLI, HTTP status endpoints.</summary>
public sealed record WorkflowRunStatus(
    string Id,
    string Name,
    string? Spell,
    OrchestrationStatus Status,
    SpellValue Output,
    string? Error,
    WorkflowProgress? Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    /// <summary>The status as spells and JSON write it: lower case.</summary>
    public string StatusName => Status.ToString().ToLowerInvariant();

    public static WorkflowRunStatus From(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var request = WorkflowOrchestrations.IsWorkflowRun(instance.Name) ? instance.ReadInputAs<WorkflowRequest>() : null;
        var progress = instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<WorkflowProgress>();
        return new WorkflowRunStatus(
            instance.InstanceId,
            progress?.Workflow ?? instance.Name,
            request?.Spell.Name,
            instance.Status,
            instance.SerializedOutput is null ? SpellValue.Null : SpellJson.Parse(instance.SerializedOutput),
            instance.Failure?.Message,
            progress,
            instance.CreatedAt,
            instance.CompletedAt);
    }

    public SpellMap ToValue() => SpellValue.Map(
    [
        new("id", SpellValue.From(Id)),
        new("name", SpellValue.From(Name)),
        new("spell", SpellValue.From(Spell)),
        new("status", SpellValue.From(StatusName)),
        new("output", Output),
        new("error", SpellValue.From(Error)),
        new("progress", Progress is null ? SpellValue.Null : SpellValue.Map(
        [
            new("step", SpellValue.From(Progress.Step)),
            new("completed", SpellValue.From(Progress.Completed)),
        ])),
        new("created_at", SpellValue.From(CreatedAt.ToString("O", CultureInfo.InvariantCulture))),
        new("completed_at", SpellValue.From(CompletedAt?.ToString("O", CultureInfo.InvariantCulture))),
    ]);
}
