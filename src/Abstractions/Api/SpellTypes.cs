using LlmSpell.Values;

namespace LlmSpell.Api;

/// <summary>The value kinds a parameter accepts or a function returns.</summary>
[Flags]
public enum SpellTypes
{
    None = 0,
    Null = 1 << 0,
    Bool = 1 << 1,
    Int = 1 << 2,
    Float = 1 << 3,
    String = 1 << 4,
    Bytes = 1 << 5,
    List = 1 << 6,
    Map = 1 << 7,
    Function = 1 << 8,
    Number = Int | Float,
    Any = Null | Bool | Int | Float | String | Bytes | List | Map,
}

public static class SpellTypesExtensions
{
    public static bool Accepts(this SpellTypes types, SpellValueKind kind) => (types & kind.ToTypes()) != 0;

    public static SpellTypes ToTypes(this SpellValueKind kind) => kind switch
    {
        SpellValueKind.Null => SpellTypes.Null,
        SpellValueKind.Bool => SpellTypes.Bool,
        SpellValueKind.Int => SpellTypes.Int,
        SpellValueKind.Float => SpellTypes.Float,
        SpellValueKind.String => SpellTypes.String,
        SpellValueKind.Bytes => SpellTypes.Bytes,
        SpellValueKind.List => SpellTypes.List,
        SpellValueKind.Map => SpellTypes.Map,
        SpellValueKind.Function => SpellTypes.Function,
        _ => SpellTypes.None,
    };

    /// <summary>"string or list" — the words used in bad_argument messages and generated editor docs.</summary>
    public static string Describe(this SpellTypes types)
    {
        if (types == SpellTypes.Any) return "any value";
        var names = new List<string>();
        if ((types & SpellTypes.Number) == SpellTypes.Number) names.Add("number");
        else if (types.HasFlag(SpellTypes.Int)) names.Add("integer");
        else if (types.HasFlag(SpellTypes.Float)) names.Add("number");
        foreach (var (flag, name) in new[] { (SpellTypes.Bool, "boolean"), (SpellTypes.String, "string"), (SpellTypes.Bytes, "bytes"), (SpellTypes.List, "list"), (SpellTypes.Map, "map"), (SpellTypes.Function, "function"), (SpellTypes.Null, "null") })
        {
            if (types.HasFlag(flag)) names.Add(name);
        }

        return string.Join(" or ", names);
    }
}
