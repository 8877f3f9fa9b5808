using System.Globalization;
using Azure.Core;
using Azure.Identity;
using LlmSpell.Configuration;
using LlmSpell.Orchestrations;
using LlmSpell.Orchestrations.DurableTaskFramework;
using LlmSpell.Orchestrations.Storage.AzureStorage;
using LlmSpell.Orchestrations.Storage.Sqlite;
using LlmSpell.Orchestrations.Workflows;
using Microsoft.Extensions.Configuration;

namespace LlmSpell.Hosting.Durable;

/// <summary>
/// Where durable workflows, their spells and spell state live, from the section "durable":
/// <code>{ "durable": { "provider": "sqlite", "database": ".llmspell/llmspell.db" } }</code>
/// <code>{ "durable": { "provider": "azure-storage", "connectionString": "...", "taskHub": "llmspell", "partitions": 4 } }</code>
/// <code>{ "durable": { "provider": "azure-storage", "accountName": "mystorage", "clientId": "(a user-assigned identity; optional)" } }</code>
/// The last form connects with a managed identity (<see cref="TokenCredential"/>), so no key is stored.
/// On Azure Storage, runs go through the Durable Task Framework, the engine of Durable Functions, so
/// workers and a Functions app on the same account and task hub share the runs; its tuning:
/// <c>controlQueueBatchSize</c>, <c>maxQueuePollingInterval</c> ("00:00:01") and <c>extendedSessions</c>.
/// The environment variable LLMSPELL_DURABLE_CONNECTION (a storage connection string) selects
/// Azure Storage without a file, which is how deployments pass the secret.
/// </summary>
public sealed record DurableSettings
{
    public const string Sqlite = "sqlite";
    public const string AzureStorage = "azure-storage";

    public string Provider { get; init; } = Sqlite;

    public required string DatabasePath { get; init; }

    /// <summary>The folder of the embedded defaults (spell archive, state) when on SQLite.</summary>
    public required string DataFolder { get; init; }

    /// <summary>Set for Azure Storage: a connection string or an account name with a credential.</summary>
    public AzureStorageAccount? Account { get; init; }

    public string TaskHub { get; init; } = "llmspell";

    public int Partitions { get; init; } = 4;

    /// <summary>Azure Storage: messages a worker takes from a control queue at once.</summary>
    public int ControlQueueBatchSize { get; init; } = 32;

    /// <summary>Azure Storage: the longest wait between polls of an idle queue.</summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Azure Storage: keep orchestrations in memory between episodes.</summary>
    public bool ExtendedSessions { get; init; }

    /// <summary>Where runs live and what carries them out: the embedded engine on SQLite, or DTFx on Azure Storage.</summary>
    public IDurableBackend CreateBackend() => Provider == AzureStorage
        ? new AzureStorageBackend(new AzureStorageTaskHubOptions
        {
            Account = Account!,
            TaskHub = TaskHub,
            PartitionCount = Partitions,
            ControlQueueBatchSize = ControlQueueBatchSize,
            MaxQueuePollingInterval = MaxQueuePollingInterval,
            ExtendedSessions = ExtendedSessions,
        })
        : new EmbeddedBackend(new SqliteOrchestrationStore(DatabasePath), DatabasePath);

    public ISpellArchive CreateArchive() => Provider == AzureStorage
        ? new BlobSpellArchive(Account!.Blobs().GetBlobContainerClient(TaskHub.ToLowerInvariant() + "-spells"))
        : new SpellArchive(Path.Combine(DataFolder, "spells"));

    /// <summary>Spell state: shared blobs when workers may run anywhere, files under the data folder otherwise.</summary>
    public State.IStateStore CreateStateStore() => Provider == AzureStorage
        ? new BlobStateStore(Account!.Blobs().GetBlobContainerClient(TaskHub.ToLowerInvariant() + "-state"))
        : new State.FileStateStore(Path.Combine(DataFolder, "state"));

    /// <summary>Artifacts: shared blobs when workers may run anywhere, files under the data folder otherwise.</summary>
    public Artifacts.IArtifactStore CreateArtifactStore() => Provider == AzureStorage
        ? new BlobArtifactStore(Account!.Blobs().GetBlobContainerClient(TaskHub.ToLowerInvariant() + "-artifacts"))
        : new Artifacts.FileArtifactStore(Path.Combine(DataFolder, "artifacts"));

    /// <summary>For messages: where the runs are.</summary>
    public string Describe(string contentRoot) => Provider == AzureStorage ? $"Azure Storage task hub '{TaskHub}'" : Path.GetRelativePath(contentRoot, DatabasePath);

    /// <exception cref="Errors.SpellException">With code <c>bad_argument</c> naming the setting at fault.</exception>
    public static DurableSettings Read(IConfiguration configuration, string contentRoot, string dataFolder, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection("durable");
        var provider = section["provider"] ?? Sqlite;
        if (provider is not (Sqlite or AzureStorage))
        {
            throw SpellConfiguration.BadSetting(configuration, "durable:provider", $"must be \"{Sqlite}\" or \"{AzureStorage}\", not \"{provider}\"");
        }

        var partitions = 4;
        if (section["partitions"] is { } text && !(int.TryParse(text, out partitions) && partitions is >= 1 and <= 16))
        {
            throw SpellConfiguration.BadSetting(configuration, "durable:partitions", $"must be a whole number from 1 to 16, not \"{text}\"");
        }

        var taskHub = section["taskHub"] ?? "llmspell";
        if (!System.Text.RegularExpressions.Regex.IsMatch(taskHub, "^[A-Za-z][A-Za-z0-9]{2,44}$"))
        {
            throw SpellConfiguration.BadSetting(configuration, "durable:taskHub", $"must be 3 to 45 letters and digits starting with a letter, not \"{taskHub}\"");
        }

        var connection = section["connectionString"];
        if (environment("LLMSPELL_DURABLE_CONNECTION") is { Length: > 0 } fromEnvironment)
        {
            (provider, connection) = (AzureStorage, fromEnvironment);
        }

        var settings = ReadTuning(configuration, section, new DurableSettings
        {
            Provider = provider,
            DataFolder = dataFolder,
            DatabasePath = section["database"] is { } database ? Path.GetFullPath(database, contentRoot) : Path.Combine(dataFolder, "llmspell.db"),
            TaskHub = taskHub,
            Partitions = partitions,
        });
        if (provider != AzureStorage)
        {
            return settings;
        }

        if (!string.IsNullOrWhiteSpace(connection))
        {
            return settings with { Account = Connect(configuration, connection) };
        }

        if (section["accountName"] is { Length: > 0 } accountName)
        {
            return settings with { Account = AzureStorageAccount.FromCredential(accountName, Credential(section["clientId"])) };
        }

        throw SpellConfiguration.BadSetting(configuration, "durable:provider", "is azure-storage but no account is set (durable.connectionString, durable.accountName or LLMSPELL_DURABLE_CONNECTION)");
    }

    /// <summary>The Azure Storage task hub's tuning settings, checked now so a bad one names itself at start-up.</summary>
    private static DurableSettings ReadTuning(IConfiguration configuration, IConfigurationSection section, DurableSettings settings)
    {
        var batch = settings.ControlQueueBatchSize;
        if (section["controlQueueBatchSize"] is { } batchText && !(int.TryParse(batchText, NumberStyles.None, CultureInfo.InvariantCulture, out batch) && batch is >= 1 and <= 32))
        {
            throw SpellConfiguration.BadSetting(configuration, "durable:controlQueueBatchSize", $"must be a whole number from 1 to 32, not \"{batchText}\"");
        }

        var polling = settings.MaxQueuePollingInterval;
        if (section["maxQueuePollingInterval"] is { } pollingText
            && !(TimeSpan.TryParseExact(pollingText, "c", CultureInfo.InvariantCulture, out polling) && polling >= TimeSpan.FromMilliseconds(10) && polling <= TimeSpan.FromMinutes(1)))
        {
            throw SpellConfiguration.BadSetting(configuration, "durable:maxQueuePollingInterval", $"must be a time from 00:00:00.01 to 00:01:00 written as hh:mm:ss, not \"{pollingText}\"");
        }

        var extended = settings.ExtendedSessions;
        if (section["extendedSessions"] is { } extendedText && !bool.TryParse(extendedText, out extended))
        {
            throw SpellConfiguration.BadSetting(configuration, "durable:extendedSessions", $"must be true or false, not \"{extendedText}\"");
        }

        return settings with { ControlQueueBatchSize = batch, MaxQueuePollingInterval = polling, ExtendedSessions = extended };
    }

    // Its own method, so Azure.Identity is loaded only by hosts that use a managed identity.
    private static TokenCredential Credential(string? clientId) => clientId is { Length: > 0 }
        ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
        : new DefaultAzureCredential();

    private static AzureStorageAccount Connect(IConfiguration configuration, string connection)
    {
        // Parsed now, so a malformed string fails the host at start-up, not the first workflow.
        try
        {
            _ = new Azure.Storage.Blobs.BlobServiceClient(connection);
            return AzureStorageAccount.FromConnectionString(connection);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw SpellConfiguration.BadSetting(configuration, "durable:connectionString", $"is not a storage connection string ({ex.Message})");
        }
    }
}
