using LlmSpell.Errors;

namespace LlmSpell.Workflows;

/// <summary>Errors of the workflow itself (a bad spec, no branch, too many iterations).</summary>
public static class WorkflowErrors
{
    public static SpellException Bad(string where, string problem) =>
        new(SpellErrorCode.BadArgument, $"{where}: {problem}");

    public static SpellException Failed(string path, string problem) =>
        new(SpellErrorCode.WorkflowError, $"workflow step '{path}': {problem}");
}
