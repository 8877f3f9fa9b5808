using LlmSpell.Orchestrations;
using LlmSpell.Orchestrations.DurableTaskFramework;
using LlmSpell.Orchestrations.Storage.AzureStorage;
using LlmSpell.Orchestrations.Storage.Sqlite;
using LlmSpell.Orchestrations.Workflows;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmSpell.Testing;

/// <summary>
/// A durable engine for tests that start durable runs: by default the embedded one (a SQLite task
/// hub in a temp folder), or the Durable Task Framework on an Azurite task hub; with a spell
/// archive and a worker.
/// </summary>
public sealed class DurableFixture : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llmspell-durable-").FullName;
    private readonly IDurableBackend _backend;
    private readonly SpellArchive _archive;
    private IHostedService? _worker;

    /// <param name="spells">Where the spells its workflows call as steps are found.</param>
    public DurableFixture(LlmSpell.Spells.ISpellLibrary? spells = null)
        : this(folder => new EmbeddedBackend(new SqliteOrchestrationStore(Path.Combine(folder, "llmspell.db")), "the test's database"), spells)
    {
    }

    private DurableFixture(Func<string, IDurableBackend> backend, LlmSpell.Spells.ISpellLibrary? spells)
    {
        _backend = backend(_folder);
        _archive = new SpellArchive(Path.Combine(_folder, "spells"));
        Workflows = new DurableWorkflowService(_backend.Client, _archive, spells);
    }

    /// <summary>DTFx on a task hub of its own in <paramref name="azurite"/>.</summary>
    public static DurableFixture OnAzureStorage(AzuriteFixture azurite, LlmSpell.Spells.ISpellLibrary? spells = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        return new(_ => new AzureStorageBackend(new AzureStorageTaskHubOptions
        {
            Account = AzureStorageAccount.FromConnectionString(azurite.ConnectionString),
            TaskHub = "t" + Guid.NewGuid().ToString("N")[..16],
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(100),
        }), spells);
    }

    public DurableWorkflowService Workflows { get; }

    public async Task StartWorkerAsync(SpellTestHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var registry = new OrchestrationRegistry().AddSpellWorkflows(host.Runner, _archive, host.State);
        _worker = _backend.CreateWorker(registry, new DurableWorkerOptions { MaxPollInterval = TimeSpan.FromMilliseconds(50) }, NullLoggerFactory.Instance);
        await _worker.StartAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.StopAsync(CancellationToken.None);
            (_worker as IDisposable)?.Dispose();
        }
        await _backend.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp sweeper.
        }
    }
}
