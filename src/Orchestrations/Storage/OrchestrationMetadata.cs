using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations.Storage;

/// <summary>An instance as a client sees it.</summary>
public sealed record OrchestrationMetadata(
    string InstanceId,
    string Name,
    string ExecutionId,
    OrchestrationStatus Status,
    DateTime CreatedAt,
    DateTime LastUpdatedAt,
    DateTime? CompletedAt,
    string? SerializedInput,
    string? SerializedOutput,
    string? SerializedCustomStatus,
    FailureDetails? Failure,
    string? ParentInstanceId)
{
    public T? ReadInputAs<T>() => DataConverter.Deserialize<T>(SerializedInput);

    public T? ReadOutputAs<T>() => DataConverter.Deserialize<T>(SerializedOutput);

    public T? ReadCustomStatusAs<T>() => DataConverter.Deserialize<T>(SerializedCustomStatus);
}

/// <summary>Which instances a query returns. Empty filters match everything.</summary>
public sealed record InstanceQuery
{
    public IReadOnlyCollection<OrchestrationStatus>? Statuses { get; init; }

    public DateTime? CreatedFrom { get; init; }

    public DateTime? CreatedTo { get; init; }

    public string? InstanceIdPrefix { get; init; }

    public int PageSize { get; init; } = 100;

    /// <summary>From the previous page; null for the first.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>False leaves inputs, outputs and custom status out, which is cheaper for listings.</summary>
    public bool FetchPayloads { get; init; } = true;
}

public sealed record InstancePage(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken);
