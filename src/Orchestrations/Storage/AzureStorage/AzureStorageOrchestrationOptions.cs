namespace LlmSpell.Orchestrations.Storage.AzureStorage;

/// <summary>Where an Azure Storage task hub lives and how it is laid out.</summary>
public sealed record AzureStorageOrchestrationOptions
{
    /// <summary>The storage account (a connection string, or a name and a managed identity).</summary>
    public AzureStorageAccount? Account { get; init; }

    /// <summary>A storage account connection string (Azurite's works too); sets <see cref="Account"/>.</summary>
    public string ConnectionString
    {
        init => Account = AzureStorageAccount.FromConnectionString(value);
    }

    /// <summary>Names the tables, queues and container; letters and digits, 3 to 45 characters.</summary>
    public string TaskHub { get; init; } = "llmspell";

    /// <summary>Control queues instance messages are spread over; fixed when the hub is created.</summary>
    public int PartitionCount { get; init; } = 4;

    /// <summary>Messages received from a control queue at once.</summary>
    public int ReceiveBatchSize { get; init; } = 32;
}
