namespace LlmSpell.Orchestrations.Runtime;

/// <summary>Runs an activity or sub-orchestration call under a <see cref="RetryPolicy"/>, waiting on durable timers between attempts.</summary>
internal static class Retries
{
    /// <param name="attempt">Makes attempt number n (from 1) and gives its serialized result.</param>
    public static async Task<string?> RunAsync(OrchestrationContext context, RetryPolicy? retry, Func<int, Task<string?>> attempt)
    {
        if (retry is null)
        {
            return await attempt(1);
        }
        var firstAttemptAt = context.CurrentUtcDateTime;
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(number);
            }
            catch (TaskFailedException failed) when (number < retry.MaxAttempts && retry.Handle(failed)
                && (retry.RetryTimeout == Timeout.InfiniteTimeSpan || context.CurrentUtcDateTime - firstAttemptAt < retry.RetryTimeout))
            {
                await context.CreateTimer(context.CurrentUtcDateTime + retry.DelayAfter(number));
            }
        }
    }
}
