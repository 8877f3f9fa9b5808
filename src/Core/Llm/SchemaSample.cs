using System.Text.Json;
using System.Text.Json.Nodes;
using LlmSpell.Schemas;

namespace LlmSpell.Llm;

/// <summary>
/// A value that satisfies a schema, made up from it (const, enum, default or examples first, then
/// the type's plainest value, every required property filled in) — what the offline mock model
/// answers to <c>llm.structured</c>. Bounded like the schemas it reads: it follows local references
/// only, to a fixed depth.
/// </summary>
internal static class SchemaSample
{
    private const int MaxDepth = 16;

    public static string For(JsonElement schema) => (Sample(schema, schema, 0) ?? JsonValue.Create("sample")).ToJsonString();

    private static JsonNode? Sample(JsonElement root, JsonElement schema, int depth)
    {
        if (depth > MaxDepth || schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String && SchemaGuard.Resolve(root, reference.GetString()!) is { } target)
        {
            return Sample(root, target, depth + 1);
        }
        foreach (var given in new[] { "const", "default" })
        {
            if (schema.TryGetProperty(given, out var value))
            {
                return JsonNode.Parse(value.GetRawText());
            }
        }
        foreach (var listed in new[] { "enum", "examples" })
        {
            if (schema.TryGetProperty(listed, out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
            {
                return JsonNode.Parse(values[0].GetRawText());
            }
        }
        foreach (var choice in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (schema.TryGetProperty(choice, out var options) && options.ValueKind == JsonValueKind.Array && options.GetArrayLength() > 0)
            {
                return Sample(root, options[0], depth + 1);
            }
        }

        var type = schema.TryGetProperty("type", out var declared)
            ? declared.ValueKind == JsonValueKind.Array ? declared.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "null" : declared.GetString()
            : schema.TryGetProperty("properties", out _) ? "object" : schema.TryGetProperty("items", out _) ? "array" : "string";
        switch (type)
        {
            case "object":
                var obj = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        obj[property.Name] = Sample(root, property.Value, depth + 1);
                    }
                }
                return obj;
            case "array":
                var array = new JsonArray();
                var count = schema.TryGetProperty("minItems", out var min) && min.TryGetInt32(out var m) ? Math.Clamp(m, 1, 8) : 1;
                for (var i = 0; i < count && schema.TryGetProperty("items", out var items); i++)
                {
                    array.Add(Sample(root, items, depth + 1));
                }
                return array;
            case "integer":
                return JsonValue.Create(Bound(schema, 0));
            case "number":
                return JsonValue.Create((double)Bound(schema, 0));
            case "boolean":
                return JsonValue.Create(false);
            case "null":
                return null;
            default:
                var length = schema.TryGetProperty("minLength", out var minLength) && minLength.TryGetInt32(out var l) ? Math.Clamp(l, 0, 64) : 0;
                var longest = schema.TryGetProperty("maxLength", out var maxLength) && maxLength.TryGetInt32(out var h) ? Math.Max(h, 0) : int.MaxValue;
                var text = length > 6 ? new string('x', length) : "sample";
                return JsonValue.Create(text.Length > longest ? text[..longest] : text);
        }
    }

    private static long Bound(JsonElement schema, long fallback) =>
        schema.TryGetProperty("minimum", out var minimum) && minimum.TryGetInt64(out var low) ? low
        : schema.TryGetProperty("maximum", out var maximum) && maximum.TryGetInt64(out var high) && high < fallback ? high
        : fallback;
}
