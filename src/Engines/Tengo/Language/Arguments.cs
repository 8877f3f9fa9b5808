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

    /// <summary>A string argument where the reference takes only a string (format strings, map keys, parse_*).</summary>
    public static string String(ReadOnlySpan<TengoObject> args, int index) =>
        args[index] is TengoString s ? s.Value : throw InvalidType(index, "string", args[index]);

    /// <summary>
    /// A string argument of a standard-module function: the reference's <c>ToString</c> takes any
    /// value but undefined, as its text (<c>text.substr(123, 0, 1)</c> is "1", a char is itself).
    /// </summary>
    public static string StringLike(ReadOnlySpan<TengoObject> args, int index) =>
        args[index] is TengoUndefined ? throw InvalidType(index, "string(compatible)", args[index]) : Text(args[index]);

    /// <summary>An int argument, converted as the reference's <c>ToInt64</c>: ints, floats (truncated), chars, bools and decimal strings.</summary>
    public static long Int(ReadOnlySpan<TengoObject> args, int index) => args[index] switch
    {
        TengoInt i => i.Value,
        TengoFloat f => (long)f.Value,
        TengoChar c => c.Value,
        TengoBool b => b.Value ? 1 : 0,
        TengoString s when long.TryParse(s.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        _ => throw InvalidType(index, "int(compatible)", args[index]),
    };

    /// <summary>An argument the reference takes only as an int (the value of <c>text.format_int</c>).</summary>
    public static long StrictInt(ReadOnlySpan<TengoObject> args, int index) =>
        args[index] is TengoInt i ? i.Value : throw InvalidType(index, "int", args[index]);

    /// <summary>A float argument, converted as the reference's <c>ToFloat64</c>: floats, ints and numeric strings.</summary>
    public static double Float(ReadOnlySpan<TengoObject> args, int index) => args[index] switch
    {
        TengoFloat f => f.Value,
        TengoInt i => i.Value,
        TengoString s when Builtins.ToFloat(s) is TengoFloat parsed => parsed.Value,
        _ => throw InvalidType(index, "float(compatible)", args[index]),
    };

    /// <summary>An argument the reference takes only as a float (the value of <c>text.format_float</c>).</summary>
    public static double StrictFloat(ReadOnlySpan<TengoObject> args, int index) =>
        args[index] is TengoFloat f ? f.Value : throw InvalidType(index, "float", args[index]);

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

    /// <summary>A time argument, converted as the reference's <c>ToTime</c>: a time, or an int of Unix seconds.</summary>
    public static TengoTime Time(ReadOnlySpan<TengoObject> args, int index) => args[index] switch
    {
        TengoTime t => t,
        TengoInt i => TengoTime.FromUnix(i.Value, 0),
        _ => throw InvalidType(index, "time(compatible)", args[index]),
    };

    /// <summary>The text of a value as <c>string()</c> and printing see it: strings and chars raw, others in Tengo's form.</summary>
    public static string Text(TengoObject value) => value switch
    {
        TengoString s => s.Value,
        _ => value.ToString(),
    };
}
