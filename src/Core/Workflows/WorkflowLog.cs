using Microsoft.Extensions.Logging;

namespace LlmSpell.Workflows;

internal static partial class WorkflowLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow step {Path} failed on attempt {Attempt} and will be retried: {Reason}")]
    public static partial void LogStepRetry(this ILogger logger, string path, int attempt, string reason);
}
