namespace LlmSpell.Threading;

/// <summary>
/// Asynchronous set-up that runs once it succeeds (creating a container, a task hub's tables):
/// callers share one attempt at a time, and an attempt that failed or was cancelled is forgotten,
/// so a service that was down at the first call is tried again at the next — where a
/// <c>Lazy&lt;Task&gt;</c> would return the first failure for the life of the process.
/// </summary>
public sealed class InitializeOnce(Func<CancellationToken, Task> initialize)
{
    private readonly Func<CancellationToken, Task> _initialize = initialize ?? throw new ArgumentNullException(nameof(initialize));
    private readonly Lock _gate = new();
    private Task? _attempt;

    /// <param name="cancellationToken">Stops this caller's wait; the shared attempt goes on for the others.</param>
    public Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        Task attempt;
        lock (_gate)
        {
            if (_attempt is null || _attempt.IsFaulted || _attempt.IsCanceled)
            {
                _attempt = Start();
            }

            attempt = _attempt;
        }

        return attempt.IsCompletedSuccessfully ? Task.CompletedTask : attempt.WaitAsync(cancellationToken);
    }

    private Task Start()
    {
        try
        {
            return _initialize(CancellationToken.None);
        }
#pragma warning disable CA1031 // A synchronous throw is a failed attempt like any other, kept in the task.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Task.FromException(ex);
        }
    }
}
