namespace LlmSpell.Orchestrations.Storage;

/// <summary>
/// Wakes this process's waiting dispatchers when it enqueued work itself, so a worker and client
/// in one process do not wait for the next poll. Other processes are found by polling.
/// </summary>
internal sealed class WorkSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        try
        {
            await Volatile.Read(ref _next).Task.WaitAsync(maxWait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Polling interval passed: the caller looks for work from other processes.
        }
    }
}
