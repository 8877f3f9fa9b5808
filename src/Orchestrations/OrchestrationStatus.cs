namespace LlmSpell.Orchestrations;

public enum OrchestrationStatus
{
    Pending,
    Running,
    Suspended,
    Completed,
    Failed,
    Terminated,
}

public static class OrchestrationStatusExtensions
{
    public static bool IsTerminal(this OrchestrationStatus status) =>
        status is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated;
}
