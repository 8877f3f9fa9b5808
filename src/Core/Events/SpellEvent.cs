using LlmSpell.Values;

namespace LlmSpell.Events;

/// <summary>One event a run emitted: its name, its data and when (Unix milliseconds).</summary>
public sealed record SpellEvent(string Name, SpellValue Data, long At)
{
    /// <summary>As a handler, a waiter and the run report see it: <c>{ name, data, at }</c>.</summary>
    public SpellMap ToValue() => SpellValue.Map([new("name", SpellValue.From(Name)), new("data", Data), new("at", SpellValue.From(At))]);
}
