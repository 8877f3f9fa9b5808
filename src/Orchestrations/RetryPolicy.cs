namespace LlmSpell.Orchestrations;

/// <summary>
/// How a failed activity or sub-orchestration is retried. Waits between attempts are durable
/// timers, so a retry survives the worker restarting in between.
/// </summary>
public sealed record RetryPolicy
{
    public RetryPolicy(int maxAttempts, TimeSpan firstInterval, double backoffCoefficient = 1.0,
        TimeSpan? maxInterval = null, TimeSpan? retryTimeout = null, Func<TaskFailedException, bool>? handle = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        MaxAttempts = maxAttempts;
        FirstInterval = firstInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxInterval = maxInterval ?? TimeSpan.FromHours(1);
        RetryTimeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
        Handle = handle ?? (_ => true);
    }

    public int MaxAttempts { get; }

    public TimeSpan FirstInterval { get; }

    public double BackoffCoefficient { get; }

    public TimeSpan MaxInterval { get; }

    /// <summary>No retry starts once this much time has passed since the first attempt.</summary>
    public TimeSpan RetryTimeout { get; }

    /// <summary>Failures for which this returns false are not retried.</summary>
    public Func<TaskFailedException, bool> Handle { get; }

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1 (attempts count from 1).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var delay = FirstInterval.TotalMilliseconds * Math.Pow(BackoffCoefficient, attempt - 1);
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxInterval.TotalMilliseconds));
    }
}

/// <summary>Options for one activity or sub-orchestration call.</summary>
public record TaskOptions(RetryPolicy? Retry = null);

/// <summary>Options for a sub-orchestration call; the instance id defaults to one derived from the parent.</summary>
public sealed record SubOrchestrationOptions(string? InstanceId = null, RetryPolicy? Retry = null) : TaskOptions(Retry);
