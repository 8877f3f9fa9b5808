namespace LlmSpell.Engines.Tengo.Language;

/// <summary>Argument checks shared by builtins and standard modules, with Tengo's error texts.</summary>
internal static class Arguments
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth"];

    public static TengoRuntimeException WrongCount() => new("wrong number of arguments");

    public static void Count(ReadOnlySpan<TengoObject> args, int min, int max = -1)
    {
        if (args.Length < min || args.Length > (max < 0 ? min : max))
        {
            throw WrongCount();
        }
    }

    public static TengoRuntimeException InvalidType(int index, string expected, TengoObject found) =>
        new($"invalid type for argument '{(index < Ordinals.Length ? Ordinals[index] : (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}': expected {expected}, found {found.TypeName}");

    public static string String(ReadOnlySpan<TengoObject> args, int index) =>
        args[index] is TengoString s ? s.Value : throw InvalidType(index, "string", args[index]);

    public static long Int(ReadOnlySpan<TengoObject> args, int index) => args[index] switch
    {
        TengoInt i => i.Value,
        TengoFloat f => (long)f.Value,
        TengoChar c => c.Value,
        _ => throw InvalidType(index, "int", args[index]),
    };

    public static double Float(ReadOnlySpan<TengoObject> args, int index) => args[index] switch
    {
        TengoFloat f => f.Value,
        TengoInt i => i.Value,
        _ => throw InvalidType(index, "float", args[index]),
    };

    public static bool Bool(ReadOnlySpan<TengoObject> args, int index) => args[index] switch
    {
        TengoBool b => b.Value,
        _ => throw InvalidType(index, "bool", args[index]),
    };

    public static byte[] Bytes(ReadOnlySpan<TengoObject> args, int index) => args[index] switch
    {
        TengoBytes b => b.Value,
        TengoString s => System.Text.Encoding.UTF8.GetBytes(s.Value),
        _ => throw InvalidType(index, "bytes", args[index]),
    };

    public static TengoArray Array(ReadOnlySpan<TengoObject> args, int index) =>
        args[index] as TengoArray ?? throw InvalidType(index, "array", args[index]);

    public static DateTime Time(ReadOnlySpan<TengoObject> args, int index) => args[index] switch
    {
        TengoTime t => t.Value,
        TengoInt i => DateTime.UnixEpoch.AddSeconds(i.Value),
        _ => throw InvalidType(index, "time", args[index]),
    };

    /// <summary>The text of a value as <c>string()</c> and printing see it: strings and chars raw, others in Tengo's form.</summary>
    public static string Text(TengoObject value) => value switch
    {
        TengoString s => s.Value,
        _ => value.ToString(),
    };
}
