using LlmSpell.Values;

namespace LlmSpell.State;

/// <summary>
/// A key's value as one read saw it, with the store's token for that version, so a later write can
/// be made only if nobody wrote in between (<see cref="IStateStore.TryReplaceAsync"/>).
/// </summary>
/// <param name="Value">The value, or null when the key was absent.</param>
/// <param name="Version">The store's opaque version token; null when the key was absent.</param>
public readonly record struct StateEntry(SpellValue? Value, string? Version)
{
    public static StateEntry Absent => default;
}
