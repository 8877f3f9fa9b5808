using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Tools;

/// <summary>
/// A tool: something a spell or a model can call by name with a map of arguments described by a
/// JSON schema. Arguments are checked against the schema before <see cref="InvokeAsync"/> runs.
/// </summary>
public interface ISpellTool
{
    string Name { get; }

    string Description { get; }

    /// <summary>A JSON schema of the arguments, an object schema.</summary>
    ToolSchema Parameters { get; }

    /// <summary>Where the tool comes from: "builtin", "spell", or an MCP server's name.</summary>
    string Source { get; }

    ValueTask<SpellValue> InvokeAsync(SpellMap arguments, SpellContext context);
}
