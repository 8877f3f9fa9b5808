using LlmSpell.Errors;
using LlmSpell.Values;

namespace LlmSpell.State;

/// <summary>
/// <c>state.update</c>: read-modify-write as an optimistic transaction over any store. The change is
/// computed from the value read and written only if the key still holds that version
/// (<see cref="IStateStore.TryReplaceAsync"/>); when another writer — in this process, another
/// process or on another machine — got there first, the change is computed again from the new value,
/// a bounded number of times. So the change function may run more than once and must not have side
/// effects of its own; that is the contract every optimistic store (etcd, Cosmos DB, Azure Blob
/// ETags) gives.
/// </summary>
public static class StateUpdate
{
    /// <summary>How many times a change is tried before the update gives up with <c>state_error</c>.</summary>
    public const int MaxAttempts = 100;

    // Within one process, updates of a key take turns, so retries are only ever needed against
    // other processes; this keeps a busy host from retrying against itself.
    private static readonly KeyedGate<(string Scope, string Key)> Turns = new();

    // The keys whose change function is running in this async flow: an update of one of them from
    // inside its own change function can never succeed (it would wait for itself), so it fails at once.
    private static readonly AsyncLocal<Held?> InChange = new();

    public static async ValueTask<SpellValue> RunAsync(IStateStore store, string scope, string key, Func<SpellValue, CancellationToken, ValueTask<SpellValue>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        StateKeys.Validate(scope, key);
        for (var held = InChange.Value; held is not null; held = held.Outer)
        {
            if (held.Scope == scope && held.Key == key)
            {
                throw new SpellException(SpellErrorCode.StateError, $"state.update('{key}') was called inside its own update function; update the value the function returns instead");
            }
        }

        using var turn = await Turns.EnterAsync((scope, key), cancellationToken).ConfigureAwait(false);
        var wait = 1;
        for (var attempt = 1; ; attempt++)
        {
            var read = await store.ReadAsync(scope, key, cancellationToken).ConfigureAwait(false);
            var updated = await ChangeAsync(change, read.Value ?? SpellValue.Null, new Held(scope, key, InChange.Value), cancellationToken).ConfigureAwait(false);
            if (await store.TryReplaceAsync(scope, key, read, updated.IsNull ? null : updated, cancellationToken).ConfigureAwait(false))
            {
                return updated;
            }

            if (attempt == MaxAttempts)
            {
                throw new SpellException(SpellErrorCode.StateError, $"state.update('{key}') gave up after {MaxAttempts} attempts: other writers changed the key every time");
            }

            await Task.Delay(Random.Shared.Next(0, wait + 1), cancellationToken).ConfigureAwait(false);
            wait = Math.Min(wait * 2, 64);
        }
    }

    private static async ValueTask<SpellValue> ChangeAsync(Func<SpellValue, CancellationToken, ValueTask<SpellValue>> change, SpellValue old, Held held, CancellationToken cancellationToken)
    {
        // Set in this method's own flow only: it is restored when the method returns.
        InChange.Value = held;
        return await change(old, cancellationToken).ConfigureAwait(false);
    }

    private sealed record Held(string Scope, string Key, Held? Outer);
}
