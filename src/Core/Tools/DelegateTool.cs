using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Tools;

/// <summary>A host tool whose work is one function; the built-in tools are made of these.</summary>
public sealed class DelegateTool(string name, string description, ToolSchema parameters, Func<SpellMap, SpellContext, ValueTask<SpellValue>> invoke) : ISpellTool
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public ToolSchema Parameters { get; } = parameters;

    public string Source => "builtin";

    public ValueTask<SpellValue> InvokeAsync(SpellMap arguments, SpellContext context) => invoke(arguments, context);

    /// <summary>An object schema from a compact JSON text, for tools defined in code.</summary>
    public static ToolSchema Schema(string json) => ToolSchema.Trusted((SpellMap)SpellJson.Parse(json), "built-in tool");
}
