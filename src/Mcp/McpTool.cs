using System.Text.Json;
using LlmSpell.Running;
using LlmSpell.Tools;
using LlmSpell.Values;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Client;

namespace LlmSpell.Mcp;

/// <summary>A tool of an MCP server, in the registry as <c>&lt;server&gt;_&lt;tool&gt;</c>.</summary>
public sealed class McpTool(string server, McpClientTool tool) : ISpellTool
{
    public string Name { get; } = $"{server}_{tool.Name}";

    public string Description => tool.Description;

    public ToolSchema Parameters { get; } = ToolSchema.Parse((SpellMap)SpellJson.Parse(tool.JsonSchema.GetRawText()), $"MCP server '{server}' tool '{tool.Name}'");

    public string Source => server;

    public async ValueTask<SpellValue> InvokeAsync(SpellMap arguments, SpellContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var call = new AIFunctionArguments(arguments.ToDictionary(a => a.Key, a => (object?)SpellJson.ToElement(a.Value)));
        var result = await tool.InvokeAsync(call, context.CancellationToken).ConfigureAwait(false);
        return result switch
        {
            null => SpellValue.Null,
            JsonElement element => Simplify(SpellJson.Parse(element.GetRawText())),
            var other => Simplify(SpellJson.Parse(JsonSerializer.Serialize(other, AIJsonUtilities.DefaultOptions))),
        };
    }

    /// <summary>
    /// An MCP call result is { content: [ { type: "text", text } … ], structuredContent?, isError? },
    /// and the SDK may hand back just the content blocks; a spell wants the value: the structured
    /// content, else the text (parsed when it is JSON).
    /// </summary>
    private static SpellValue Simplify(SpellValue result)
    {
        if (result is SpellList blocks && blocks.All(IsTextBlock))
        {
            return ParseIfJson(string.Concat(blocks.Select(b => ((SpellString)((SpellMap)b)["text"]).Value)));
        }

        if (IsTextBlock(result))
        {
            return ParseIfJson(((SpellString)((SpellMap)result)["text"]).Value);
        }

        if (result is not SpellMap map)
        {
            return result;
        }

        if (map.Get("isError") is SpellBool { Value: true })
        {
            throw new Errors.SpellException(Errors.SpellErrorCode.RuntimeError, "MCP tool failed: " + TextOf(map));
        }

        if (map.Get("structuredContent") is { IsNull: false } structured)
        {
            return structured;
        }

        return TextOf(map) is { } text ? ParseIfJson(text) : result;
    }

    private static bool IsTextBlock(SpellValue value) =>
        value is SpellMap block && block.Get("text") is SpellString && (block.Get("type") is SpellString { Value: "text" } || block.Get("$type") is SpellString { Value: "text" });

    private static SpellValue ParseIfJson(string text)
    {
        try
        {
            return SpellJson.Parse(text);
        }
        catch (Errors.SpellException)
        {
            return SpellValue.From(text);
        }
    }

    private static string? TextOf(SpellMap result) => result.Get("content") is SpellList parts
        ? string.Concat(parts.OfType<SpellMap>().Select(p => (p.Get("text") as SpellString)?.Value))
        : null;
}
