using LlmSpell.Errors;
using LlmSpell.Values;

namespace LlmSpell.Api;

/// <summary>Typed reads from an options map, with errors that name the function and the option.</summary>
public readonly struct SpellOptions(string functionName, SpellMap map)
{
    public SpellMap Map { get; } = map;

    public string? GetString(string name) => Map.Get(name) switch
    {
        SpellNull => null,
        SpellString s => s.Value,
        var other => throw Bad(name, "a string", other),
    };

    public double? GetNumber(string name) => Map.Get(name) switch
    {
        SpellNull => null,
        SpellInt i => i.Value,
        SpellFloat f => f.Value,
        var other => throw Bad(name, "a number", other),
    };

    public int? GetInt(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        long? value = Map.Get(name) switch
        {
            SpellNull => null,
            SpellInt i => i.Value,
            SpellFloat f when f.Value == Math.Floor(f.Value) && Math.Abs(f.Value) < 9.2e18 => (long)f.Value,
            var other => throw Bad(name, "an integer", other),
        };
        if (value is { } v && (v < min || v > max))
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{functionName}: option '{name}' must be between {min} and {max}, got {v}");
        }

        return (int?)value;
    }

    public bool? GetBool(string name) => Map.Get(name) switch
    {
        SpellNull => null,
        SpellBool b => b.Value,
        var other => throw Bad(name, "a boolean", other),
    };

    /// <summary>A list option; an empty map (an empty Lua table) reads as an empty list.</summary>
    public SpellList? GetList(string name, string expected) => Map.Get(name) switch
    {
        SpellNull => null,
        SpellList list => list,
        SpellMap { Count: 0 } => SpellList.Empty,
        _ => throw new SpellException(SpellErrorCode.BadArgument, $"{functionName}: option '{name}' must be {expected}"),
    };

    /// <summary>Rejects options the function does not know, so a typo (<c>max_token</c>) is an error, not silently ignored.</summary>
    public void RejectUnknown(params string[] known)
    {
        foreach (var key in Map.Keys)
        {
            if (Array.IndexOf(known, key) < 0)
            {
                throw new SpellException(SpellErrorCode.BadArgument, $"{functionName}: unknown option '{key}' (known: {string.Join(", ", known)})");
            }
        }
    }

    private SpellException Bad(string name, string expected, SpellValue got) =>
        new(SpellErrorCode.BadArgument, $"{functionName}: option '{name}' must be {expected}, got {SpellValue.TypeName(got.Kind)}");
}
