namespace LlmSpell.Orchestrations;

/// <summary>How a worker pulls and runs work.</summary>
public sealed record DurableWorkerOptions
{
    /// <summary>
    /// Orchestration work items processed at once; null leaves it to the engine: cores (at least 2)
    /// on the embedded engine, whose episodes are CPU and SQLite work, and 10 per core on Azure
    /// Storage (as Durable Functions), whose episodes mostly wait on storage and whose worker takes
    /// control-queue messages in batches that wait in memory for a free slot.
    /// </summary>
    public int? MaxConcurrentOrchestrations { get; init; }

    /// <summary>Activities run at once (spell steps mostly wait on LLMs, so more than cores).</summary>
    public int MaxConcurrentActivities { get; init; } = Math.Max(4, Environment.ProcessorCount * 4);

    /// <summary>How long a lock lasts without renewal; a crashed worker's work moves after this.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between polls when there is no work.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Wait before retrying after the store itself failed.</summary>
    public TimeSpan StoreErrorBackoff { get; init; } = TimeSpan.FromSeconds(1);
}
