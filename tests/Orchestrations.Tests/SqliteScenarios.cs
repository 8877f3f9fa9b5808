using Xunit;
using LlmSpell.Orchestrations.Storage;
using LlmSpell.Orchestrations.Storage.Sqlite;
using LlmSpell.Orchestrations.Tests.Scenarios;

namespace LlmSpell.Orchestrations.Tests;

/// <summary>The scenario suite on the embedded SQLite store, one fresh database file per scenario.</summary>
public sealed class SqliteScenarios : OrchestrationScenarios, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llmspell-durable-").FullName;

    protected override IDurableBackend CreateBackend() =>
        new EmbeddedBackend(new SqliteOrchestrationStore(Path.Combine(_folder, $"{Guid.NewGuid():N}.db")), "a scenario's database");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold the file for a moment; the temp folder is swept later.
        }
    }
}
