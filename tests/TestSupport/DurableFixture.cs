using LlmSpell.Orchestrations;
using LlmSpell.Orchestrations.Client;
using LlmSpell.Orchestrations.Storage.Sqlite;
using LlmSpell.Orchestrations.Workflows;

namespace LlmSpell.Testing;

/// <summary>The embedded durable engine in a temp folder: a SQLite task hub, a spell archive and a worker, for tests that start durable runs.</summary>
public sealed class DurableFixture : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llmspell-durable-").FullName;
    private readonly SqliteOrchestrationStore _store;
    private readonly SpellArchive _archive;
    private DurableWorker? _worker;

    /// <param name="spells">Where the spells its workflows call as steps are found.</param>
    public DurableFixture(LlmSpell.Spells.ISpellLibrary? spells = null)
    {
        _store = new SqliteOrchestrationStore(Path.Combine(_folder, "llmspell.db"));
        _archive = new SpellArchive(Path.Combine(_folder, "spells"));
        Workflows = new DurableWorkflowService(new DurableClient(_store), _archive, spells);
    }

    public DurableWorkflowService Workflows { get; }

    public async Task StartWorkerAsync(SpellTestHost host)
    {
        var registry = new OrchestrationRegistry().AddSpellWorkflows(host.Runner, _archive, host.State);
        _worker = new DurableWorker(_store, registry, new DurableWorkerOptions { MaxPollInterval = TimeSpan.FromMilliseconds(50) });
        await _worker.StartAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.StopAsync(CancellationToken.None);
            _worker.Dispose();
        }
        await _store.DisposeAsync();
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
