using Dtfx = DurableTask.Core;
using Ours = LlmSpell.Orchestrations.History.FailureDetails;

namespace LlmSpell.Orchestrations.DurableTaskFramework;

/// <summary>Failure details between DTFx's type and ours: the same four facts.</summary>
internal static class FailureTranslation
{
    public static Ours ToOurs(Dtfx.FailureDetails? details) => details is null
        ? new Ours("unknown", "the task failed without details")
        : new Ours(details.ErrorType, details.ErrorMessage, details.StackTrace, details.InnerFailure is { } inner ? ToOurs(inner) : null);

    public static Dtfx.FailureDetails ToDtfx(Ours details) =>
        new(details.ErrorType, details.Message, details.StackTrace, details.Inner is { } inner ? ToDtfx(inner) : null, isNonRetriable: false);

    /// <summary>
    /// An exception DTFx records with exactly these details: it keeps a task failure's details as
    /// they are, where any other exception would be described by its own type (our engine names the
    /// failed task's error type, and both engines must report a failure the same way).
    /// </summary>
    public static Dtfx.Exceptions.TaskFailedException AsRecordedFailure(Exception exception, Ours details) =>
        new(exception.Message, exception) { FailureDetails = ToDtfx(details) };
}
