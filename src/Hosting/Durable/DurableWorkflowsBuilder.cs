using LlmSpell.Orchestrations.Storage.AzureStorage;

namespace LlmSpell.Hosting.Durable;

/// <summary>Chooses where durable workflows live, over what the "durable" settings say.</summary>
public sealed class DurableWorkflowsBuilder
{
    internal Func<DurableSettings, DurableSettings>? Override { get; private set; }

    /// <summary>The embedded engine on a SQLite file (the default: the data folder's llmspell.db).</summary>
    public DurableWorkflowsBuilder UseSqlite(string? databasePath = null)
    {
        Override = settings => settings with { Provider = DurableSettings.Sqlite, DatabasePath = databasePath is null ? settings.DatabasePath : Path.GetFullPath(databasePath) };
        return this;
    }

    /// <summary>The Durable Task Framework on an Azure Storage account (a task hub of tables, queues and blobs, shared with Durable Functions given the same hub).</summary>
    public DurableWorkflowsBuilder UseAzureStorage(AzureStorageAccount account, string? taskHub = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        Override = settings => settings with { Provider = DurableSettings.AzureStorage, Account = account, TaskHub = taskHub ?? settings.TaskHub };
        return this;
    }
}
