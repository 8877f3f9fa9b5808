namespace LlmSpell.Orchestrations.Storage.AzureStorage;

/// <summary>Where an Azure Storage task hub lives and how it is laid out.</summary>
public sealed record AzureStorageOrchestrationOptions
{
    /// <summary>A storage account connection string (Azurite's works too).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Names the tables, queues and container; letters and digits, 3 to 45 characters.</summary>
    public string TaskHub { get; init; } = "llmspell";

    /// <summary>Control queues instance messages are spread over; fixed when the hub is created.</summary>
    public int PartitionCount { get; init; } = 4;

    /// <summary>Messages received from a control queue at once.</summary>
    public int ReceiveBatchSize { get; init; } = 32;
}
