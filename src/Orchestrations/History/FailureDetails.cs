namespace LlmSpell.Orchestrations.History;

/// <summary>
/// Why an activity or orchestration failed, as data: exceptions do not survive a trip through
/// storage and another process, their type name and message do.
/// </summary>
public sealed record FailureDetails(string ErrorType, string Message, string? StackTrace = null, FailureDetails? Inner = null)
{
    public static FailureDetails FromException(Exception exception) => new(
        exception is TaskFailedException failed ? failed.FailureDetails.ErrorType : exception.GetType().FullName ?? exception.GetType().Name,
        exception.Message,
        exception.StackTrace,
        exception.InnerException is { } inner ? FromException(inner) : null);

    /// <summary>What a parent's wait fails with when its sub-orchestration was terminated, on every engine.</summary>
    public static FailureDetails Terminated(string childInstanceId, string? reason) =>
        new("Terminated", $"Sub-orchestration '{childInstanceId}' was terminated: {(string.IsNullOrEmpty(reason) ? "no reason given" : reason)}.");

    /// <summary>True when the failure, or one it wraps, is of the given exception type.</summary>
    public bool IsCausedBy<TException>() where TException : Exception =>
        ErrorType == typeof(TException).FullName || (Inner?.IsCausedBy<TException>() ?? false);

    public override string ToString() => $"{ErrorType}: {Message}";
}
