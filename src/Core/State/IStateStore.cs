using LlmSpell.Values;

namespace LlmSpell.State;

/// <summary>
/// Durable key/value state of spells. Every key lives in a scope (one per spell) so spells cannot
/// read each other's state. Values are spell values; functions cannot be stored.
/// </summary>
public interface IStateStore
{
    /// <returns>The value, or null when the key is absent.</returns>
    ValueTask<SpellValue?> GetAsync(string scope, string key, CancellationToken cancellationToken = default);

    ValueTask SetAsync(string scope, string key, SpellValue value, CancellationToken cancellationToken = default);

    /// <returns>Whether the key existed.</returns>
    ValueTask<bool> DeleteAsync(string scope, string key, CancellationToken cancellationToken = default);

    /// <summary>Reads a key for a conditional write: its value and the version token of that value.</summary>
    ValueTask<StateEntry> ReadAsync(string scope, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Compare-and-swap: stores <paramref name="value"/> (deletes the key when null) only if the key
    /// still holds the version in <paramref name="expected"/> — in every process and on every
    /// machine that shares the store, not just this one.
    /// </summary>
    /// <returns>False when someone else wrote or deleted the key since it was read; nothing was changed.</returns>
    ValueTask<bool> TryReplaceAsync(string scope, string key, StateEntry expected, SpellValue? value, CancellationToken cancellationToken = default);

    /// <returns>The keys starting with <paramref name="prefix"/>, in ordinal order.</returns>
    ValueTask<IReadOnlyList<string>> KeysAsync(string scope, string prefix, CancellationToken cancellationToken = default);
}
