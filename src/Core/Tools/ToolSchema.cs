using System.Text.Json;
using LlmSpell.Errors;
using LlmSpell.Schemas;
using LlmSpell.Values;

namespace LlmSpell.Tools;

/// <summary>A tool's parameter schema, parsed once, that checks arguments and names the bad field.</summary>
public sealed class ToolSchema
{
    private readonly Lazy<SpellSchema> _schema;

    private ToolSchema(SpellMap definition, Lazy<SpellSchema> schema)
    {
        Definition = definition;
        _schema = schema;
    }

    public SpellMap Definition { get; }

    public static ToolSchema Empty { get; } = Trusted(SpellValue.Map([new("type", SpellValue.From("object")), new("properties", SpellMap.Empty)]), "tool");

    /// <summary>
    /// A schema the host ships (a built-in tool's), parsed when first used: a run that calls no tool
    /// never pays for JSON Schema (its library's start alone is ~130 ms). Tests parse every one.
    /// </summary>
    public static ToolSchema Trusted(SpellMap definition, string owner)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new ToolSchema(definition, new Lazy<SpellSchema>(() => SpellSchema.Parse(SpellJson.ToElement(definition), $"{owner}: parameters")));
    }

    /// <summary>Parses the schema now, if it has not been: what a test of a trusted schema calls.</summary>
    public void EnsureParsed() => _ = _schema.Value;

    /// <exception cref="SpellException">With code <c>bad_argument</c> when <paramref name="definition"/> is not a usable schema.</exception>
    public static ToolSchema Parse(SpellMap definition, string owner)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Get("type") is SpellString type && type.Value != "object")
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{owner}: parameters must be an object schema, not type '{type.Value}'");
        }

        var parsed = SpellSchema.Parse(SpellJson.ToElement(definition), $"{owner}: parameters");
        return new ToolSchema(definition, new Lazy<SpellSchema>(parsed));
    }

    /// <exception cref="SpellException">With code <c>bad_argument</c> naming every field at fault.</exception>
    public void Check(string toolName, SpellMap arguments)
    {
        var problems = Problems(toolName, arguments);
        if (problems.Count > 0)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"tool '{toolName}': {string.Join("; ", problems.Take(5))}");
        }
    }

    /// <summary>What is wrong with <paramref name="arguments"/>, each in a reader's words ("argument 'b' is required"); empty when they fit.</summary>
    public IReadOnlyList<string> Problems(string toolName, SpellMap arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var instance = SpellJson.ToElement(arguments);
        return [.. _schema.Value.Evaluate(instance, $"tool '{toolName}'").SelectMany(p => Describe(p, instance)).Distinct()];
    }

    /// <summary>A problem in the words a spell author or a model reads: "argument 'b' is required".</summary>
    private IEnumerable<string> Describe(SchemaProblem problem, JsonElement instance)
    {
        var subschema = _schema.Value.SubschemaAt(problem);
        if (problem.Keyword == "required")
        {
            // The problem is reported on the object; name each missing field itself.
            var target = SchemaGuard.Resolve(instance, "#" + problem.InstancePointer);
            var required = subschema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("required", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!)
                : [];
            var missing = required.Where(name => target is not { ValueKind: JsonValueKind.Object } o || !o.TryGetProperty(name, out _)).ToList();
            if (missing.Count > 0)
            {
                return missing.Select(name => $"argument '{Field(problem.InstancePointer + "/" + name)}' is required");
            }
        }

        var field = Field(problem.InstancePointer);
        var what = problem.Keyword switch
        {
            "" when problem.SchemaPointer.EndsWith("/additionalProperties", StringComparison.Ordinal) => "is not a known argument",
            "type" => "must be " + Expected(subschema),
            "enum" or "const" => "is not one of the allowed values",
            "minimum" or "exclusiveMinimum" => "is too small",
            "maximum" or "exclusiveMaximum" => "is too big",
            "minLength" => "is too short",
            "maxLength" => "is too long",
            "minItems" => "has too few items",
            "maxItems" => "has too many items",
            "pattern" => "does not match its pattern",
            _ => $"is invalid ({(problem.Keyword.Length > 0 ? problem.Keyword + ": " : "")}{problem.Message})",
        };
        return [$"argument '{field}' {what}"];
    }

    private static string Expected(JsonElement? subschema)
    {
        static string Name(string type) => type switch
        {
            "string" => "a string",
            "integer" => "an integer",
            "number" => "a number",
            "boolean" => "a boolean",
            "array" => "a list",
            "object" => "a map",
            "null" => "null",
            _ => type,
        };
        if (subschema is not { ValueKind: JsonValueKind.Object } schema || !schema.TryGetProperty("type", out var type))
        {
            return "of another type";
        }
        return type.ValueKind == JsonValueKind.Array
            ? string.Join(" or ", type.EnumerateArray().Select(t => Name(t.GetString() ?? "")))
            : Name(type.GetString() ?? "");
    }

    /// <summary>The field a pointer names; the arguments themselves are "arguments".</summary>
    private static string Field(string pointer) => SchemaProblem.FieldOf(pointer) is { Length: > 0 } field ? field : "arguments";
}
