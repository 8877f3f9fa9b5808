namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// A builtin's answer that its call is not done: the fiber that made it suspends until the host
/// resumes it with the value (<see cref="TengoVm.Suspend"/>). Never seen by a script.
/// </summary>
public sealed class TengoPending : TengoObject
{
    internal TengoPending(object state) => State = state;

    /// <summary>What the host waits for; given back to it as the fiber's result.</summary>
    public object State { get; }

    public override string TypeName => "pending";

    public override string ToString() => "<pending>";
}
