using System.Text.Json;
using LlmSpell.Running;
using LlmSpell.Values;
using Microsoft.Extensions.AI;

namespace LlmSpell.Tools;

/// <summary>
/// A tool offered to a model through Microsoft.Extensions.AI. The model's arguments are checked
/// against the tool's schema; a mismatch goes back to the model as the call's error, so it can retry.
/// </summary>
public sealed class ToolFunction(ISpellTool tool, SpellContext context) : AIFunction
{
    private readonly JsonElement _schema = SpellJson.ToElement(tool.Parameters.Definition);

    public override string Name => tool.Name;

    public override string Description => tool.Description;

    public override JsonElement JsonSchema => _schema;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var entries = arguments.Select(a => new KeyValuePair<string, SpellValue>(a.Key, a.Value switch
        {
            null => SpellValue.Null,
            JsonElement element => SpellJson.Parse(element.GetRawText()),
            // Through the options' type info, not a generic Serialize: a trimmed build keeps what AI's resolver knows.
            var other => SpellJson.Parse(JsonSerializer.Serialize(other, AIJsonUtilities.DefaultOptions.GetTypeInfo(other.GetType()))),
        }));
        var map = new SpellMap(entries);
        tool.Parameters.Check(tool.Name, map);
        var result = await tool.InvokeAsync(map, context).ConfigureAwait(false);
        // Text goes to the model as text; anything else as JSON.
        return result is SpellString text ? text.Value : SpellJson.ToElement(result);
    }
}
