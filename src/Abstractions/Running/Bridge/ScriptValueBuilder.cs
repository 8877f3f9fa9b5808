using LlmSpell.Values;

namespace LlmSpell.Running.Bridge;

/// <summary>
/// Host to script: one walk over a spell value with the one depth guard; an engine says only how
/// each kind of value is made in its language.
/// </summary>
/// <typeparam name="T">The engine's value type (for a stack machine like Lua, a marker that a value was pushed).</typeparam>
public abstract class ScriptValueBuilder<T>
{
    /// <summary>The language's name, for errors.</summary>
    protected abstract string Language { get; }

    public T Build(SpellValue value) => Build(value, 0);

    /// <param name="depth">How many lists or maps enclose <paramref name="value"/>; containers pass depth + 1 to their items.</param>
    protected T Build(SpellValue value, int depth)
    {
        ArgumentNullException.ThrowIfNull(value);
        BridgeErrors.CheckDepth(depth);
        return value switch
        {
            SpellNull => FromNull(depth),
            SpellBool b => FromBool(b.Value),
            SpellInt i => FromInt(i.Value),
            SpellFloat f => FromFloat(f.Value),
            SpellString s => FromString(s.Value),
            SpellBytes bytes => FromBytes(bytes.Value),
            SpellList list => FromList(list, depth),
            SpellMap map => FromMap(map, depth),
            SpellHostFunction host => FromHostFunction(host),
            _ => TryOwnCallback(value, out var own) ? own : throw BridgeErrors.Foreign(value, Language),
        };
    }

    /// <param name="depth">0 for a value on its own, more inside a list or map (where some languages need a placeholder).</param>
    protected abstract T FromNull(int depth);

    protected abstract T FromBool(bool value);

    protected abstract T FromInt(long value);

    protected abstract T FromFloat(double value);

    protected abstract T FromString(string value);

    protected abstract T FromBytes(ReadOnlyMemory<byte> value);

    /// <summary>Makes a list; each item is <c>Build(item, depth + 1)</c>.</summary>
    protected abstract T FromList(SpellList list, int depth);

    /// <summary>Makes a map; each item is <c>Build(item, depth + 1)</c>.</summary>
    protected abstract T FromMap(SpellMap map, int depth);

    protected abstract T FromHostFunction(SpellHostFunction host);

    /// <summary>A script function of this very sandbox, handed back to it.</summary>
    protected abstract bool TryOwnCallback(SpellValue value, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T script);
}
