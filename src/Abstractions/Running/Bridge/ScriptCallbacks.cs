using System.Diagnostics.CodeAnalysis;
using LlmSpell.Values;

namespace LlmSpell.Running.Bridge;

/// <summary>Recognising a script function when the host hands it back to the sandbox that made it.</summary>
public static class ScriptCallbacks
{
    /// <returns>Whether <paramref name="value"/> is a function of <paramref name="sandbox"/>; then <paramref name="function"/> is the engine's own handle to it.</returns>
    public static bool TryUnwrap<TSandbox, TFunction>(SpellValue value, TSandbox sandbox, [MaybeNullWhen(false)] out TFunction function)
        where TSandbox : class, IScriptSandbox<TFunction>
    {
        if (value is ScriptCallback<TSandbox, TFunction> callback && callback.BelongsTo(sandbox))
        {
            function = callback.Function;
            return true;
        }

        function = default;
        return false;
    }
}
