using System.Globalization;
using BenchmarkDotNet.Attributes;
using LlmSpell.Orchestrations;
using LlmSpell.Orchestrations.Client;
using LlmSpell.Orchestrations.DurableTaskFramework;
using LlmSpell.Orchestrations.Storage.AzureStorage;
using LlmSpell.Orchestrations.Storage.Sqlite;
using LlmSpell.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmSpell.Benchmarks;

/// <summary>
/// Throughput of the durable engines in the shapes the Durable Task documentation publishes figures
/// for: the embedded engine on SQLite and the Durable Task Framework on Azure Storage (against
/// Azurite on this same machine). Each
/// operation schedules a batch and waits for all of it. "Workers = 2" runs two workers, each with
/// its own connections, on one task hub, which is how two processes share it.
/// LLMSPELL_BENCH_TUNING sets the DTFx task hub's tuning, e.g.
/// "partitions=4;batch=32;poll=1000;extended=false;orchestrations=20;activities=8" (poll in ms).
/// </summary>
// Run with: --inProcess --strategy Monitoring --warmupCount 1 --iterationCount 3 (each operation takes seconds).
public class DurableBenchmarks
{
    public const int HelloCitiesBatch = 100;
    private static readonly string[] Cities = ["Tokyo", "Seattle", "London", "Amsterdam", "Mumbai"];

    private readonly List<IHostedService> _workers = [];
    private readonly List<IDurableBackend> _backends = [];
    private string _folder = "";
    private IDurableClient _client = null!;

    private AzuriteFixture? _azurite;

    /// <summary>LLMSPELL_BENCH_WORKERS (comma-separated counts) narrows the run.</summary>
    public static IEnumerable<int> WorkerCounts =>
        Environment.GetEnvironmentVariable("LLMSPELL_BENCH_WORKERS")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse)
        ?? [1, 2];

    [ParamsSource(nameof(WorkerCounts))]
    public int Workers { get; set; }

    /// <summary>LLMSPELL_BENCH_PROVIDERS (comma-separated) narrows the run; Azurite makes the Azure cases slow.</summary>
    public static IEnumerable<string> Providers =>
        Environment.GetEnvironmentVariable("LLMSPELL_BENCH_PROVIDERS")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        ?? ["sqlite", "azure-storage"];

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    private static Dictionary<string, string> Tuning =>
        (Environment.GetEnvironmentVariable("LLMSPELL_BENCH_TUNING") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);

    private DurableWorkerOptions WorkerOptions()
    {
        var options = new DurableWorkerOptions { MaxPollInterval = TimeSpan.FromMilliseconds(50) };
        var tuning = Tuning;
        return options with
        {
            MaxConcurrentOrchestrations = tuning.TryGetValue("orchestrations", out var o) ? int.Parse(o, CultureInfo.InvariantCulture) : null,
            MaxConcurrentActivities = tuning.TryGetValue("activities", out var a) ? int.Parse(a, CultureInfo.InvariantCulture) : options.MaxConcurrentActivities,
        };
    }

    private IDurableBackend CreateBackend(string database)
    {
        var tuning = Tuning;
        var account = _azurite is null ? null : AzureStorageAccount.FromConnectionString(_azurite.ConnectionString);
        var defaults = new AzureStorageTaskHubOptions { Account = account! };
        return Provider switch
        {
            "sqlite" => new EmbeddedBackend(new SqliteOrchestrationStore(database), database),
            _ => new AzureStorageBackend(defaults with
            {
                TaskHub = "bench",
                PartitionCount = tuning.TryGetValue("partitions", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : defaults.PartitionCount,
                ControlQueueBatchSize = tuning.TryGetValue("batch", out var b) ? int.Parse(b, CultureInfo.InvariantCulture) : defaults.ControlQueueBatchSize,
                MaxQueuePollingInterval = tuning.TryGetValue("poll", out var ms) ? TimeSpan.FromMilliseconds(int.Parse(ms, CultureInfo.InvariantCulture)) : defaults.MaxQueuePollingInterval,
                ExtendedSessions = tuning.TryGetValue("extended", out var e) ? bool.Parse(e) : defaults.ExtendedSessions,
            }),
        };
    }

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
        var options = WorkerOptions();
        _azurite = Provider == "sqlite" ? null : new AzuriteFixture();
        for (var i = 0; i < Workers; i++)
        {
            var backend = CreateBackend(database);
            backend.Client.EnsureCreatedAsync().GetAwaiter().GetResult();
            _backends.Add(backend);
            var worker = backend.CreateWorker(registry, options, NullLoggerFactory.Instance);
            worker.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            _workers.Add(worker);
        }
        _client = _backends[0].Client;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var worker in _workers)
        {
            worker.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            (worker as IDisposable)?.Dispose();
        }
        foreach (var backend in _backends)
        {
            backend.DisposeAsync().AsTask().GetAwaiter().GetResult();
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
