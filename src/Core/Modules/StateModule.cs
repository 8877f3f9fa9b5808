using LlmSpell.Api;
using LlmSpell.State;
using LlmSpell.Values;

namespace LlmSpell.Modules;

/// <summary><c>state.get/set/delete/keys/update</c>: the spell's own key/value state in the configured store.</summary>
public static class StateModule
{
    public static SpellModule Definition { get; } = new("state", "Key/value state of this spell that outlives the run.",
    [
        new SpellFunction("get", "The value stored under key, or null.",
            [new("key", SpellTypes.String, "the key")], SpellTypes.Any,
            async call => await call.Context.Host.State.GetAsync(call.Context.StateScope, call.GetString(0), call.CancellationToken).ConfigureAwait(false) ?? SpellValue.Null,
            isAsync: true),
        new SpellFunction("set", "Store value under key (null deletes it).",
            [new("key", SpellTypes.String, "the key"), new("value", SpellTypes.Any, "any value but a function")], SpellTypes.Null,
            SetAsync, isAsync: true),
        new SpellFunction("delete", "Remove key; true when it existed.",
            [new("key", SpellTypes.String, "the key")], SpellTypes.Bool,
            async call => SpellValue.From(await call.Context.Host.State.DeleteAsync(call.Context.StateScope, call.GetString(0), call.CancellationToken).ConfigureAwait(false)),
            isAsync: true),
        new SpellFunction("keys", "The keys starting with prefix (all keys without one), sorted.",
            [new("prefix", SpellTypes.String, "key prefix", IsOptional: true)], SpellTypes.List,
            async call => new SpellList((await call.Context.Host.State.KeysAsync(call.Context.StateScope, call.GetOptionalString(0) ?? "", call.CancellationToken).ConfigureAwait(false)).Select(SpellValue.From)),
            isAsync: true),
        new SpellFunction("update", "Replace the value under key with fn(old value); returns the new value. Atomic across processes: when another writer wins, fn runs again on the newer value, so it must have no side effects.",
            [new("key", SpellTypes.String, "the key"), new("fn", SpellTypes.Function, "function(old) return new end")], SpellTypes.Any,
            UpdateAsync, isAsync: true),
    ]);

    private static async ValueTask<SpellValue> SetAsync(SpellCall call)
    {
        var store = call.Context.Host.State;
        if (call[1].IsNull)
        {
            await store.DeleteAsync(call.Context.StateScope, call.GetString(0), call.CancellationToken).ConfigureAwait(false);
        }
        else
        {
            CheckSize(call.Context, call.GetString(0), call[1]);
            await store.SetAsync(call.Context.StateScope, call.GetString(0), call[1], call.CancellationToken).ConfigureAwait(false);
        }

        return SpellValue.Null;
    }

    private static async ValueTask<SpellValue> UpdateAsync(SpellCall call)
    {
        var callback = call.GetCallback(1);
        var key = call.GetString(0);
        return await StateUpdate.RunAsync(call.Context.Host.State, call.Context.StateScope, key,
            async (old, cancellationToken) =>
            {
                var updated = await callback.InvokeAsync([old], cancellationToken).ConfigureAwait(false);
                CheckSize(call.Context, key, updated);
                return updated;
            }, call.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>A value past the limit is refused before any store holds it (twenty 20 MB values took 719 MB).</summary>
    private static void CheckSize(Running.SpellContext context, string key, SpellValue value)
    {
        var limit = context.Limits.MaxStateValueBytes;
        if (SpellValueSize.Exceeds(value, limit))
        {
            throw new Errors.SpellException(Errors.SpellErrorCode.BadArgument, $"state value for '{key}' is more than {limit} bytes as JSON, the limit for one value");
        }
    }
}
