using LlmSpell.Errors;
using LlmSpell.Values;

namespace LlmSpell.Running.Bridge;

/// <summary>
/// The rules and sentences of every engine's value bridge, written once: a spell that passes the
/// same wrong value gets the same error on every engine.
/// </summary>
public static class BridgeErrors
{
    /// <summary>The one depth guard: values deeper than <see cref="SpellValue.MaxDepth"/> do not cross, either way.</summary>
    /// <param name="depth">How many lists or maps enclose the value being converted (0 at the top).</param>
    public static void CheckDepth(int depth)
    {
        if (depth > SpellValue.MaxDepth)
        {
            throw TooDeep();
        }
    }

    public static SpellException TooDeep() =>
        new(SpellErrorCode.BadArgument, $"value nests deeper than {SpellValue.MaxDepth} levels (is it cyclic?)");

    /// <summary>A host value the engine cannot make (a function of another sandbox).</summary>
    public static SpellException Foreign(SpellValue value, string language) =>
        new(SpellErrorCode.BadArgument, $"a {SpellValue.TypeName(value.Kind)} from elsewhere cannot be passed into {language}");

    /// <summary>A script value with no spell equivalent (a coroutine, a userdata, a symbol).</summary>
    public static SpellException CannotCross(string language, string typeName) =>
        new(SpellErrorCode.BadArgument, $"a {language} {typeName} cannot be passed to the host");

    /// <summary>A function where only data may go: a result, stored state, a JSON text.</summary>
    public static SpellException FunctionCannotLeave() =>
        new(SpellErrorCode.BadArgument, "a function cannot be returned or stored; only plain values can leave the spell");
}
