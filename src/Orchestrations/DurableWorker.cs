using LlmSpell.Orchestrations.History;
using LlmSpell.Orchestrations.Runtime;
using LlmSpell.Orchestrations.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmSpell.Orchestrations;

/// <summary>
/// Pulls orchestration and activity work from a store and runs it. Any number of workers, in any
/// number of processes, may share one store: locks decide who runs what, and a checkpoint from a
/// worker that lost its lock is refused.
/// </summary>
public sealed partial class DurableWorker : BackgroundService
{
    private readonly IOrchestrationStore _store;
    private readonly OrchestrationRegistry _registry;
    private readonly DurableWorkerOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _log;
    private readonly TimeProvider _time;

    public DurableWorker(IOrchestrationStore store, OrchestrationRegistry registry, DurableWorkerOptions? options = null,
        ILoggerFactory? loggers = null, TimeProvider? time = null)
    {
        _store = store;
        _registry = registry;
        _options = options ?? new DurableWorkerOptions();
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _log = _loggers.CreateLogger<DurableWorker>();
        _time = time ?? TimeProvider.System;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _store.EnsureCreatedAsync(stoppingToken).ConfigureAwait(false);
        var loops = new List<Task>();
        for (var i = 0; i < (_options.MaxConcurrentOrchestrations ?? Math.Max(2, Environment.ProcessorCount)); i++)
        {
            loops.Add(Task.Run(() => PollAsync(_store.TryLockOrchestrationAsync, RunOrchestrationAsync, stoppingToken), CancellationToken.None));
        }
        for (var i = 0; i < _options.MaxConcurrentActivities; i++)
        {
            loops.Add(Task.Run(() => PollAsync(_store.TryLockActivityAsync, RunActivityAsync, stoppingToken), CancellationToken.None));
        }
        await Task.WhenAll(loops).ConfigureAwait(false);
    }

    private async Task PollAsync<TWorkItem>(
        Func<TimeSpan, CancellationToken, Task<TWorkItem?>> tryLock, Func<TWorkItem, CancellationToken, Task> run, CancellationToken stoppingToken)
        where TWorkItem : class
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var workItem = await tryLock(_options.LockTimeout, stoppingToken).ConfigureAwait(false);
                if (workItem is null)
                {
                    await _store.WaitForWorkAsync(_options.MaxPollInterval, stoppingToken).ConfigureAwait(false);
                    continue;
                }
                await run(workItem, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogStoreFailure(e);
                try
                {
                    await Task.Delay(_options.StoreErrorBackoff, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RunOrchestrationAsync(OrchestrationWorkItem workItem, CancellationToken stoppingToken)
    {
        OrchestrationCheckpoint checkpoint;
        try
        {
            checkpoint = OrchestrationEpisode.Run(workItem, _registry, _time.GetUtcNow().UtcDateTime, _loggers);
        }
        catch (Exception e)
        {
            // A bug of ours, or history we cannot read: leave the instance as it is for a later try.
            LogEpisodeFailure(e, workItem.InstanceId);
            await _store.AbandonOrchestrationAsync(workItem, _options.StoreErrorBackoff, CancellationToken.None).ConfigureAwait(false);
            return;
        }
        try
        {
            await _store.CompleteOrchestrationAsync(workItem, checkpoint, CancellationToken.None).ConfigureAwait(false);
        }
        catch (WorkItemLockLostException e)
        {
            LogLockLost(e.Message);
        }
    }

    private async Task RunActivityAsync(ActivityWorkItem workItem, CancellationToken stoppingToken)
    {
        var request = workItem.Message;
        var name = request.Event.Name;
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewWhileRunningAsync(workItem, renewal.Token);
        HistoryEvent response;
        try
        {
            if (!_registry.TryGetActivity(name, out var activity))
            {
                response = new TaskFailed(request.Event.EventId, _registry.ActivityNotFound(name));
            }
            else
            {
                var context = new ActivityContext(name, request.InstanceId, request.Event.EventId, stoppingToken);
                var result = await activity(context, request.Event.Input).ConfigureAwait(false);
                response = new TaskCompleted(request.Event.EventId, result);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: hand the activity to another worker now rather than after the lock runs out.
            await renewal.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
            await _store.AbandonActivityAsync(workItem, TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            response = new TaskFailed(request.Event.EventId, FailureDetails.FromException(e));
        }
        await renewal.CancelAsync().ConfigureAwait(false);
        await renewing.ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow().UtcDateTime;
            await _store.CompleteActivityAsync(workItem, new OrchestrationMessage(request.InstanceId, request.ExecutionId, response with { Timestamp = now }),
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (WorkItemLockLostException e)
        {
            LogLockLost(e.Message);
        }
    }

    private async Task RenewWhileRunningAsync(ActivityWorkItem workItem, CancellationToken cancellationToken)
    {
        var every = _options.LockTimeout / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, _time, cancellationToken).ConfigureAwait(false);
                await _store.RenewActivityLockAsync(workItem, _options.LockTimeout, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The activity finished.
        }
        catch (WorkItemLockLostException e)
        {
            LogLockLost(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The orchestration store failed; retrying")]
    private partial void LogStoreFailure(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not process instance {InstanceId}; it will be retried")]
    private partial void LogEpisodeFailure(Exception exception, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    private partial void LogLockLost(string message);
}
