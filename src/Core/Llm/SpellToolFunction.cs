using System.Text.Json;
using LlmSpell.Api;
using LlmSpell.Errors;
using LlmSpell.Values;
using Microsoft.Extensions.AI;

namespace LlmSpell.Llm;

/// <summary>
/// A spell function offered to a model as a tool: <c>{ name, description, parameters, handler }</c>.
/// The model's arguments reach the handler as one map; its result goes back to the model as JSON.
/// </summary>
public sealed class SpellToolFunction : AIFunction
{
    private static readonly JsonElement EmptyObjectSchema = JsonDocument.Parse("{\"type\":\"object\",\"properties\":{}}").RootElement.Clone();

    private readonly SpellCallback _handler;

    private SpellToolFunction(string name, string description, JsonElement schema, SpellCallback handler)
    {
        Name = name;
        Description = description;
        JsonSchema = schema;
        _handler = handler;
    }

    public override string Name { get; }

    public override string Description { get; }

    public override JsonElement JsonSchema { get; }

    /// <summary>Reads a tool spec from a spell, naming the option and the field at fault.</summary>
    public static SpellToolFunction FromSpec(string functionName, int index, SpellValue spec)
    {
        string Where(string field) => $"{functionName}: option 'tools' item {index + 1}" + (field.Length > 0 ? $" field '{field}'" : "");
        if (spec is not SpellMap map)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{Where("")} must be {{ name, description, parameters, handler }}");
        }

        var name = map.Get("name") is SpellString n && System.Text.RegularExpressions.Regex.IsMatch(n.Value, "^[A-Za-z0-9_-]{1,64}$")
            ? n.Value
            : throw new SpellException(SpellErrorCode.BadArgument, $"{Where("name")} must be 1 to 64 letters, digits, '_' or '-'");
        var description = map.Get("description") switch
        {
            SpellString d => d.Value,
            SpellNull => "",
            _ => throw new SpellException(SpellErrorCode.BadArgument, $"{Where("description")} must be a string"),
        };
        var schema = map.Get("parameters") switch
        {
            SpellMap parameters => JsonDocument.Parse(SpellJson.Serialize(parameters)).RootElement.Clone(),
            SpellNull => EmptyObjectSchema,
            _ => throw new SpellException(SpellErrorCode.BadArgument, $"{Where("parameters")} must be a JSON schema (a map)"),
        };
        var handler = map.Get("handler") as SpellCallback
            ?? throw new SpellException(SpellErrorCode.BadArgument, $"{Where("handler")} must be a function");
        return new SpellToolFunction(name, description, schema, handler);
    }

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var entries = arguments.Select(a => new KeyValuePair<string, SpellValue>(a.Key, a.Value switch
        {
            null => SpellValue.Null,
            JsonElement element => SpellJson.Parse(element.GetRawText()),
            var other => SpellJson.Parse(System.Text.Json.JsonSerializer.Serialize(other, AIJsonUtilities.DefaultOptions)),
        }));
        var result = await _handler.InvokeAsync([new SpellMap(entries)], cancellationToken).ConfigureAwait(false);
        return JsonDocument.Parse(SpellJson.Serialize(result)).RootElement.Clone();
    }
}
