using LlmSpell.Orchestrations.Storage.AzureStorage;

namespace LlmSpell.Orchestrations.DurableTaskFramework;

/// <summary>
/// A task hub on Azure Storage as the Durable Task Framework lays it out — the layout Durable
/// Functions uses, so workers and a Functions app given the same account and hub name share it.
/// Concurrency and lock times come from <see cref="DurableWorkerOptions"/>; the rest is here.
/// Defaults are the ones measured fastest here (README, "Tuning a task hub").
/// </summary>
public sealed record AzureStorageTaskHubOptions
{
    /// <summary>The storage account: a connection string, or a name and a managed identity.</summary>
    public required AzureStorageAccount Account { get; init; }

    /// <summary>Names the tables, queues and containers; 3 to 45 letters and digits starting with a letter.</summary>
    public string TaskHub { get; init; } = "llmspell";

    /// <summary>Control queues instances are spread over (1 to 16); fixed when the hub is first created.</summary>
    public int PartitionCount { get; init; } = 4;

    /// <summary>Messages a worker takes from a control queue at once.</summary>
    public int ControlQueueBatchSize { get; init; } = 32;

    /// <summary>The longest a worker waits between polls of an empty queue (polls back off up to this).</summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Keep an orchestration's state in memory between episodes instead of replaying its history
    /// each time. Off, as in Durable Functions: measured here it is faster (a fan-out of 1,000
    /// 15.2 s → 12.9 s, a chain of 100 3.0 s → 2.7 s), but in DTFx 3.11 a session that goes on
    /// loses a ContinueAsNew made while a task was still open (the run completes with that
    /// generation's output; the scenario suite shows it), which a replay gets right.
    /// </summary>
    public bool ExtendedSessions { get; init; }
}
