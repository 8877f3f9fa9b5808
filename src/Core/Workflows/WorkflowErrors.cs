using LlmSpell.Errors;

namespace LlmSpell.Workflows;

/// <summary>Errors of the workflow itself (a bad spec, no branch, too many iterations).</summary>
public static class WorkflowErrors
{
    public static SpellException Bad(string where, string problem) =>
        new(SpellErrorCode.BadArgument, $"{where}: {problem}");

    public static SpellException Failed(string path, string problem) =>
        new(SpellErrorCode.WorkflowError, $"workflow step '{path}': {problem}");

    /// <summary>A step that ran elsewhere (a durable activity) failed: the workflow's error, holding the step's own.</summary>
    public static SpellException StepFailed(string message, SpellError? cause) =>
        new(new SpellError(SpellErrorCode.WorkflowError, message), cause is null ? null : new StepCause(cause));

    /// <summary>The step's own error behind a failure: the one <see cref="StepFailed"/> holds, else the failure itself.</summary>
    public static SpellError CauseOf(SpellException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.InnerException is StepCause step ? step.Error : failure.Error;
    }

    private sealed class StepCause(SpellError error) : Exception(error.ToString())
    {
        public SpellError Error { get; } = error;
    }
}
