using LlmSpell.Errors;
using LlmSpell.Values;

namespace LlmSpell.Running;

/// <summary>The outcome of one run: the script's result or the error that ended it.</summary>
public sealed record SpellRunResult(SpellValue Value, SpellError? Error, string Engine, TimeSpan Elapsed)
{
    /// <summary>Tokens the run used; empty when it made no LLM call or was abandoned.</summary>
    public Llm.LlmUsage Usage { get; init; } = new();

    /// <summary>The events the run emitted (<c>events.emit</c>), in order; at most <see cref="Events.SpellEventBus.MaxRecorded"/>.</summary>
    public IReadOnlyList<Events.SpellEvent> Events { get; init; } = [];

    /// <summary>Events emitted beyond those kept in <see cref="Events"/>.</summary>
    public int EventsDropped { get; init; }

    public bool Succeeded => Error is null;

    /// <summary>True when the host ended the run with its result (<see cref="SpellContext.Finish"/>) rather than the script returning.</summary>
    public bool FinishedByHost { get; init; }
}
