namespace LlmSpell.Orchestrations.DurableTaskFramework;

/// <summary>
/// Azure Storage hides a queue message for whole seconds, cut down, so a message meant for a
/// moment under a second ahead shows at once: a timer or a delayed start fires up to a second
/// early. Asking for a second later makes it show at the moment or within the second after it.
/// </summary>
internal static class QueueVisibility
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    /// <summary>What to ask the queue for so that a message due at <paramref name="due"/> never shows before it.</summary>
    public static DateTime NotBefore(DateTime due) => due + Step;
}
