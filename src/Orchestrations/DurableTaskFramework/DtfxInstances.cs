using LlmSpell.Orchestrations.Storage;
using Dtfx = DurableTask.Core;

namespace LlmSpell.Orchestrations.DurableTaskFramework;

/// <summary>DTFx's view of an instance in ours, so every engine reports a run the same way.</summary>
internal static class DtfxInstances
{
    /// <param name="withPayloads">False leaves input, output and custom status out, as the embedded engine does when asked.</param>
    public static OrchestrationMetadata ToOurs(Dtfx.OrchestrationState state, bool withPayloads)
    {
        var status = ToOurs(state.OrchestrationStatus);
        return new OrchestrationMetadata(
            state.OrchestrationInstance.InstanceId,
            state.Name,
            state.OrchestrationInstance.ExecutionId ?? "",
            status,
            Utc(state.CreatedTime),
            Utc(state.LastUpdatedTime),
            status.IsTerminal() ? Utc(state.CompletedTime) : null,
            withPayloads ? state.Input : null,
            withPayloads ? Output(state, status) : null,
            withPayloads ? state.Status : null,
            status == OrchestrationStatus.Failed ? Failure(state) : null,
            state.ParentInstance?.OrchestrationInstance?.InstanceId);
    }

    public static OrchestrationStatus ToOurs(Dtfx.OrchestrationStatus status) => status switch
    {
        Dtfx.OrchestrationStatus.Pending => OrchestrationStatus.Pending,
        Dtfx.OrchestrationStatus.Running or Dtfx.OrchestrationStatus.ContinuedAsNew => OrchestrationStatus.Running,
        Dtfx.OrchestrationStatus.Suspended => OrchestrationStatus.Suspended,
        Dtfx.OrchestrationStatus.Completed => OrchestrationStatus.Completed,
        Dtfx.OrchestrationStatus.Failed => OrchestrationStatus.Failed,
        Dtfx.OrchestrationStatus.Terminated or Dtfx.OrchestrationStatus.Canceled => OrchestrationStatus.Terminated,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown orchestration status"),
    };

    public static Dtfx.OrchestrationStatus[] ToDtfx(OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Pending => [Dtfx.OrchestrationStatus.Pending],
        OrchestrationStatus.Running => [Dtfx.OrchestrationStatus.Running, Dtfx.OrchestrationStatus.ContinuedAsNew],
        OrchestrationStatus.Suspended => [Dtfx.OrchestrationStatus.Suspended],
        OrchestrationStatus.Completed => [Dtfx.OrchestrationStatus.Completed],
        OrchestrationStatus.Failed => [Dtfx.OrchestrationStatus.Failed],
        OrchestrationStatus.Terminated => [Dtfx.OrchestrationStatus.Terminated, Dtfx.OrchestrationStatus.Canceled],
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown orchestration status"),
    };

    /// <summary>What a run gave: its output; for a terminated one, the reason (as JSON text, as the embedded engine keeps it).</summary>
    private static string? Output(Dtfx.OrchestrationState state, OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Completed => state.Output,
        OrchestrationStatus.Terminated => DataConverter.Serialize(state.Output),
        _ => null,
    };

    /// <summary>
    /// Why a run failed. The instance row holds the failure as its text ("type: message"), which is
    /// read back into its two parts; the full details with the stack are in the run's history.
    /// </summary>
    private static History.FailureDetails Failure(Dtfx.OrchestrationState state)
    {
        if (state.FailureDetails is { } details)
        {
            return FailureTranslation.ToOurs(details);
        }
        var text = state.Output ?? "";
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !text[..colon].Contains(' ', StringComparison.Ordinal)
            ? new History.FailureDetails(text[..colon], text[(colon + 2)..])
            : new History.FailureDetails("unknown", text);
    }

    private static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Utc);
}
