using Microsoft.Extensions.Logging;
using Standard = Microsoft.DurableTask;

namespace LlmSpell.Orchestrations.DurableTask;

/// <summary>
/// Our orchestration verbs over Microsoft.DurableTask's <see cref="Standard.TaskOrchestrationContext"/>,
/// so the workflow orchestrators written once for the embedded engine run unchanged as Durable
/// Functions (and on any Microsoft.DurableTask worker). Only names of types differ between the two
/// models; failures are translated so orchestrator code sees one <see cref="TaskFailedException"/>.
/// Stays on the orchestrator's thread: no ConfigureAwait(false) here.
/// </summary>
public sealed class DurableTaskOrchestrationContext(Standard.TaskOrchestrationContext inner) : OrchestrationContext
{
    public override string InstanceId => inner.InstanceId;

    public override string Name => inner.Name.Name;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    public override T? GetInput<T>() where T : default => inner.GetInput<T>();

    public override async Task<T?> CallActivityAsync<T>(string name, object? input = null, TaskOptions? options = null) where T : default
    {
        try
        {
            return await inner.CallActivityAsync<T>(name, input, ToStandard(options));
        }
        catch (Standard.TaskFailedException failed)
        {
            throw Translate(failed);
        }
    }

    public override async Task<T?> CallSubOrchestratorAsync<T>(string name, object? input = null, SubOrchestrationOptions? options = null) where T : default
    {
        var standard = ToStandard(options);
        try
        {
            return await inner.CallSubOrchestratorAsync<T>(name, input,
                options?.InstanceId is { } id ? new Standard.SubOrchestrationOptions(standard ?? new Standard.TaskOptions(retry: null), id) : standard);
        }
        catch (Standard.TaskFailedException failed)
        {
            throw Translate(failed);
        }
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken = default) =>
        inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T?> WaitForExternalEvent<T>(string name, CancellationToken cancellationToken = default) where T : default =>
        inner.WaitForExternalEvent<T?>(name, cancellationToken);

    public override void ContinueAsNew(object? newInput, bool preserveUnprocessedEvents = true) =>
        inner.ContinueAsNew(newInput!, preserveUnprocessedEvents);

    public override void SetCustomStatus(object? status) => inner.SetCustomStatus(status);

    public override Guid NewGuid() => inner.NewGuid();

    public override ILogger CreateReplaySafeLogger(string categoryName) => inner.CreateReplaySafeLogger(categoryName);

    private static Standard.TaskOptions? ToStandard(TaskOptions? options)
    {
        if (options?.Retry is not { } retry)
        {
            return null;
        }
        var policy = new Standard.RetryPolicy(retry.MaxAttempts, retry.FirstInterval, retry.BackoffCoefficient, retry.MaxInterval,
            retry.RetryTimeout == Timeout.InfiniteTimeSpan ? null : retry.RetryTimeout)
        {
            HandleFailure = details => retry.Handle(new TaskFailedException("", -1, ToOurs(details))),
        };
        return Standard.TaskOptions.FromRetryPolicy(policy);
    }

    private static TaskFailedException Translate(Standard.TaskFailedException failed) =>
        new(failed.TaskName, failed.TaskId, ToOurs(failed.FailureDetails));

    private static History.FailureDetails ToOurs(Standard.TaskFailureDetails details) =>
        new(details.ErrorType, details.ErrorMessage, details.StackTrace, details.InnerFailure is { } inner ? ToOurs(inner) : null);
}
