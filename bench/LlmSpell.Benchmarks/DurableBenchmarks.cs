using BenchmarkDotNet.Attributes;
using LlmSpell.Orchestrations;
using LlmSpell.Orchestrations.Client;
using LlmSpell.Orchestrations.Storage;
using LlmSpell.Orchestrations.Storage.AzureStorage;
using LlmSpell.Orchestrations.Storage.Sqlite;
using LlmSpell.Testing;

namespace LlmSpell.Benchmarks;

/// <summary>
/// Throughput of the durable engine in the shapes the Durable Task documentation publishes figures
/// for, on the embedded SQLite store and on the Azure Storage store (against Azurite, on this same
/// machine). Each operation schedules a batch and waits for all of it. "Workers = 2" runs two
/// workers, each with its own store instance (own connections, own queue receiver) on one task hub,
/// which is how two processes share it.
/// </summary>
// Run with: --inProcess --strategy Monitoring --warmupCount 1 --iterationCount 3 (each operation takes seconds).
public class DurableBenchmarks
{
    public const int HelloCitiesBatch = 100;
    private static readonly string[] Cities = ["Tokyo", "Seattle", "London", "Amsterdam", "Mumbai"];

    private readonly List<DurableWorker> _workers = [];
    private readonly List<IOrchestrationStore> _stores = [];
    private string _folder = "";
    private DurableClient _client = null!;

    private AzuriteFixture? _azurite;

    [Params(1, 2)]
    public int Workers { get; set; }

    /// <summary>LLMSPELL_BENCH_PROVIDERS (comma-separated) narrows the run; Azurite makes the Azure cases slow.</summary>
    public static IEnumerable<string> Providers =>
        Environment.GetEnvironmentVariable("LLMSPELL_BENCH_PROVIDERS")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        ?? ["sqlite", "azure-storage"];

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    private IOrchestrationStore CreateStore(string database) => Provider == "sqlite"
        ? new SqliteOrchestrationStore(database)
        : new AzureStorageOrchestrationStore(new AzureStorageOrchestrationOptions { ConnectionString = _azurite!.ConnectionString, TaskHub = "bench" });

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("llmspell-bench-").FullName;
        var database = Path.Combine(_folder, "hub.db");
        var registry = new OrchestrationRegistry()
            .AddActivity<string, string>("SayHello", city => $"Hello {city}!")
            .AddActivity<int, int>("Increment", n => n + 1)
            .AddOrchestrator<object, List<string>>("HelloCities", async (context, _) =>
            {
                var greetings = new List<string>();
                foreach (var city in Cities)
                {
                    greetings.Add((await context.CallActivityAsync<string>("SayHello", city))!);
                }
                return greetings;
            })
            .AddOrchestrator<int, int>("FanOut", async (context, count) =>
                (await Task.WhenAll(Enumerable.Range(0, count).Select(i => context.CallActivityAsync<int>("Increment", i)))).Length)
            .AddOrchestrator<int, int>("Chain", async (context, length) =>
            {
                var value = 0;
                for (var i = 0; i < length; i++)
                {
                    value = await context.CallActivityAsync<int>("Increment", value);
                }
                return value;
            })
            .AddOrchestrator<int, int>("Events", async (context, count) =>
            {
                var sum = 0;
                for (var i = 0; i < count; i++)
                {
                    sum += await context.WaitForExternalEvent<int>("Tick");
                }
                return sum;
            });
        var options = new DurableWorkerOptions { MaxPollInterval = TimeSpan.FromMilliseconds(50) };
        _azurite = Provider == "sqlite" ? null : new AzuriteFixture();
        for (var i = 0; i < Workers; i++)
        {
            var store = CreateStore(database);
            store.EnsureCreatedAsync().GetAwaiter().GetResult();
            _stores.Add(store);
            var worker = new DurableWorker(store, registry, options);
            worker.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            _workers.Add(worker);
        }
        _client = new DurableClient(_stores[0]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var worker in _workers)
        {
            worker.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            worker.Dispose();
        }
        foreach (var store in _stores)
        {
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        _azurite?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>100 orchestrations × 5 sequential "Hello {city}" activities.</summary>
    [Benchmark(OperationsPerInvoke = HelloCitiesBatch)]
    public async Task HelloCities5()
    {
        var ids = new List<string>(HelloCitiesBatch);
        for (var i = 0; i < HelloCitiesBatch; i++)
        {
            ids.Add(await _client.ScheduleNewOrchestrationInstanceAsync("HelloCities"));
        }
        foreach (var id in ids)
        {
            await _client.WaitForInstanceCompletionAsync(id);
        }
    }

    /// <summary>One orchestration fanning out to 1,000 activities and back in.</summary>
    [Benchmark]
    public Task FanOutFanIn1000() => RunAsync("FanOut", 1000);

    /// <summary>One orchestration calling 100 activities one after another.</summary>
    [Benchmark]
    public Task SequentialChain100() => RunAsync("Chain", 100);

    /// <summary>One orchestration receiving 100 external events.</summary>
    [Benchmark]
    public async Task ExternalEvents100()
    {
        var id = await _client.ScheduleNewOrchestrationInstanceAsync("Events", 100);
        for (var i = 0; i < 100; i++)
        {
            await _client.RaiseEventAsync(id, "Tick", 1);
        }
        await _client.WaitForInstanceCompletionAsync(id);
    }

    private async Task RunAsync(string name, int input)
    {
        var id = await _client.ScheduleNewOrchestrationInstanceAsync(name, input);
        await _client.WaitForInstanceCompletionAsync(id);
    }
}
