using Xunit;
using LlmSpell.Orchestrations.Client;
using LlmSpell.Orchestrations.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmSpell.Orchestrations.Tests.Scenarios;

/// <summary>A task hub with one (or more) running workers and a client, for one scenario.</summary>
public sealed class DurableHarness : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly IDurableBackend _backend;
    private readonly List<IHostedService> _workers = [];

    private DurableHarness(IDurableBackend backend) => _backend = backend;

    public IDurableClient Client => _backend.Client;

    /// <summary>The embedded engine's store, for scenarios that reach below the client.</summary>
    public IOrchestrationStore Store => ((EmbeddedBackend)_backend).Store;

    public static DurableWorkerOptions FastOptions { get; } = new()
    {
        MaxPollInterval = TimeSpan.FromMilliseconds(50),
        LockTimeout = TimeSpan.FromSeconds(10),
        StoreErrorBackoff = TimeSpan.FromMilliseconds(100),
    };

    public static async Task<DurableHarness> StartAsync(IDurableBackend backend, OrchestrationRegistry registry, int workers = 1,
        DurableWorkerOptions? options = null, ILoggerFactory? loggers = null)
    {
        await backend.Client.EnsureCreatedAsync();
        var harness = new DurableHarness(backend);
        for (var i = 0; i < workers; i++)
        {
            await harness.StartWorkerAsync(registry, options, loggers);
        }
        return harness;
    }

    /// <summary>One more worker on this hub; the scenario may stop it (the harness stops it again at the end, which does nothing).</summary>
    public async Task<IHostedService> StartWorkerAsync(OrchestrationRegistry registry, DurableWorkerOptions? options = null, ILoggerFactory? loggers = null)
    {
        var worker = _backend.CreateWorker(registry, options ?? FastOptions, loggers ?? NullLoggerFactory.Instance);
        await worker.StartAsync(CancellationToken.None);
        _workers.Add(worker);
        return worker;
    }

    public async Task<OrchestrationMetadata> RunAsync(string name, object? input = null, string? instanceId = null, TimeSpan? timeout = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(instanceId));
        return await WaitAsync(id, timeout);
    }

    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            return await Client.WaitForInstanceCompletionAsync(instanceId, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            var state = await Client.GetInstanceAsync(instanceId);
            throw new TimeoutException($"Instance {instanceId} did not finish in time; it is {state?.Status}.");
        }
    }

    /// <summary>Waits until the orchestrator has reached a wait (its custom status says so) or a status.</summary>
    public async Task<OrchestrationMetadata> WaitForAsync(string instanceId, Func<OrchestrationMetadata, bool> condition, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var state = await Client.GetInstanceAsync(instanceId);
            if (state is not null && condition(state))
            {
                return state;
            }
            await Task.Delay(20, cancel.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.StopAsync(CancellationToken.None);
            (worker as IDisposable)?.Dispose();
        }
        await _backend.DisposeAsync();
    }
}
