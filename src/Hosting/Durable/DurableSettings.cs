using LlmSpell.Configuration;
using LlmSpell.Errors;
using LlmSpell.Orchestrations.Storage;
using LlmSpell.Orchestrations.Storage.AzureStorage;
using LlmSpell.Orchestrations.Storage.Sqlite;
using LlmSpell.Orchestrations.Workflows;
using Microsoft.Extensions.Configuration;

namespace LlmSpell.Cli;

/// <summary>
/// Where durable workflows live, from the "durable" section of llmspell.json / .llmspell/config.json:
/// <code>{ "durable": { "provider": "sqlite", "database": ".llmspell/llmspell.db" } }</code>
/// <code>{ "durable": { "provider": "azure-storage", "connectionString": "...", "taskHub": "llmspell", "partitions": 4 } }</code>
/// The environment variable LLMSPELL_DURABLE_CONNECTION (a storage connection string) selects
/// Azure Storage without a file, which is how deployments pass the secret.
/// </summary>
public sealed record DurableSettings(string Provider, string DatabasePath, string? ConnectionString, string TaskHub, int Partitions)
{
    public const string Sqlite = "sqlite";
    public const string AzureStorage = "azure-storage";

    public IOrchestrationStore CreateStore() => Provider == AzureStorage
        ? new AzureStorageOrchestrationStore(new AzureStorageOrchestrationOptions { ConnectionString = ConnectionString!, TaskHub = TaskHub, PartitionCount = Partitions })
        : new SqliteOrchestrationStore(DatabasePath);

    public ISpellArchive CreateArchive(string workingDirectory) => Provider == AzureStorage
        ? new BlobSpellArchive(new Azure.Storage.Blobs.BlobContainerClient(ConnectionString, TaskHub.ToLowerInvariant() + "-spells"))
        : new SpellArchive(Path.Combine(workingDirectory, SpellServices.DataFolder, "spells"));

    /// <summary>Spell state: shared blobs when workers may run anywhere, files under .llmspell/state otherwise.</summary>
    public State.IStateStore CreateStateStore(string workingDirectory) => Provider == AzureStorage
        ? new BlobStateStore(new Azure.Storage.Blobs.BlobContainerClient(ConnectionString, TaskHub.ToLowerInvariant() + "-state"))
        : new State.FileStateStore(Path.Combine(workingDirectory, SpellServices.DataFolder, "state"));

    /// <summary>For messages: where the runs are.</summary>
    public string Describe() => Provider == AzureStorage ? $"Azure Storage task hub '{TaskHub}'" : Path.GetRelativePath(Environment.CurrentDirectory, DatabasePath);
}

public static class DurableSettingsLoader
{
    public static DurableSettings Load(string workingDirectory, IReadOnlyList<SpellConfigFile> files, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(environment);
        var settings = new DurableSettings(DurableSettings.Sqlite, Path.Combine(workingDirectory, SpellServices.DataFolder, "llmspell.db"), null, "llmspell", 4);
        foreach (var (file, configuration) in files)
        {
            var section = configuration.GetSection("durable");
            if (!section.Exists())
            {
                continue;
            }
            var provider = section["provider"] ?? settings.Provider;
            if (provider is not (DurableSettings.Sqlite or DurableSettings.AzureStorage))
            {
                throw new SpellException(SpellErrorCode.BadArgument, $"{file}: durable.provider must be \"{DurableSettings.Sqlite}\" or \"{DurableSettings.AzureStorage}\", not \"{provider}\"");
            }
            var partitions = settings.Partitions;
            if (section["partitions"] is { } text && !(int.TryParse(text, out partitions) && partitions is >= 1 and <= 16))
            {
                throw new SpellException(SpellErrorCode.BadArgument, $"{file}: durable.partitions must be a whole number from 1 to 16, not \"{text}\"");
            }
            settings = settings with
            {
                Provider = provider,
                DatabasePath = section["database"] is { } database ? Path.GetFullPath(database, workingDirectory) : settings.DatabasePath,
                ConnectionString = section["connectionString"] ?? settings.ConnectionString,
                TaskHub = section["taskHub"] ?? settings.TaskHub,
                Partitions = partitions,
            };
        }
        if (environment("LLMSPELL_DURABLE_CONNECTION") is { Length: > 0 } connection)
        {
            settings = settings with { Provider = DurableSettings.AzureStorage, ConnectionString = connection };
        }
        if (settings.Provider == DurableSettings.AzureStorage && string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new SpellException(SpellErrorCode.BadArgument, "durable.provider is azure-storage but no connection string is set (durable.connectionString or LLMSPELL_DURABLE_CONNECTION)");
        }
        return settings;
    }
}
