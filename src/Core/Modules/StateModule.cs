using LlmSpell.Api;
using LlmSpell.State;
using LlmSpell.Values;

namespace LlmSpell.Modules;

/// <summary><c>state.get/set/delete/keys/update</c>: the spell's own key/value state in the configured store.</summary>
public static class StateModule
{
    // update() is read-modify-write; runs in one process serialise on the key so none of them loses
    // another's write. (Across processes the store's own concurrency control is the guard.)
    private static readonly KeyedGate<(string Scope, string Key)> UpdateGate = new();


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
        new SpellFunction("update", "Replace the value under key with fn(old value); returns the new value. Atomic within this process.",
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
            await store.SetAsync(call.Context.StateScope, call.GetString(0), call[1], call.CancellationToken).ConfigureAwait(false);
        }

        return SpellValue.Null;
    }

    private static async ValueTask<SpellValue> UpdateAsync(SpellCall call)
    {
        var (scope, key, store) = (call.Context.StateScope, call.GetString(0), call.Context.Host.State);
        using var gate = await UpdateGate.EnterAsync((scope, key), call.CancellationToken).ConfigureAwait(false);
        var old = await store.GetAsync(scope, key, call.CancellationToken).ConfigureAwait(false) ?? SpellValue.Null;
        var updated = await call.GetCallback(1).InvokeAsync([old], call.CancellationToken).ConfigureAwait(false);
        if (updated.IsNull)
        {
            await store.DeleteAsync(scope, key, call.CancellationToken).ConfigureAwait(false);
        }
        else
        {
            await store.SetAsync(scope, key, updated, call.CancellationToken).ConfigureAwait(false);
        }

        return updated;
    }
}
