using System.Text.Json;

namespace LlmSpell.Schemas;

/// <summary>
/// What a schema must be before it is built, because schemas come from spells, models and MCP
/// servers: bounded in size and depth, with every reference inside the schema itself (nothing is
/// fetched, from the network or the disk), and without a loop of references that never moves into
/// the value (<c>{"allOf":[{"$ref":"#"}]}</c> would recurse until the stack overflows).
/// </summary>
internal static class SchemaGuard
{
    public const int MaxBytes = 256 * 1024;
    public const int MaxDepth = 64;

    /// <summary>How many references and in-place subschemas may chain before the schema is refused.</summary>
    public const int MaxReferenceChain = 256;

    // Keywords whose subschemas apply to the same value: a cycle through these alone never ends.
    private static readonly string[] InPlaceLists = ["allOf", "anyOf", "oneOf"];
    private static readonly string[] InPlaceSingles = ["not", "if", "then", "else"];

    /// <returns>What is wrong with <paramref name="schema"/>, or null when it may be built.</returns>
    public static string? Problem(JsonElement schema)
    {
        if (schema.GetRawText().Length > MaxBytes)
        {
            return $"it is larger than {MaxBytes / 1024} KiB";
        }
        var problem = Walk(schema, "#", 0, isRoot: true);
        return problem ?? Cycle(schema);
    }

    private static string? Walk(JsonElement node, string pointer, int depth, bool isRoot)
    {
        if (depth > MaxDepth)
        {
            return $"it nests deeper than {MaxDepth} levels (at {pointer})";
        }
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    var at = pointer + "/" + Escape(property.Name);
                    switch (property.Name)
                    {
                        case "$ref" when property.Value.ValueKind == JsonValueKind.String && !IsLocal(property.Value.GetString()!):
                            return $"{at} refers to '{property.Value.GetString()}', outside the schema; a schema may only refer to its own parts (\"#/...\"), so nothing is ever fetched";
                        case "$dynamicRef" or "$recursiveRef":
                            return $"{at}: {property.Name} is not supported; use \"$ref\": \"#/...\"";
                        case "$id" when !isRoot:
                            return $"{at}: \"$id\" is only allowed at the top of the schema";
                    }
                    if (Walk(property.Value, at, depth + 1, isRoot: false) is { } problem)
                    {
                        return problem;
                    }
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in node.EnumerateArray())
                {
                    if (Walk(item, $"{pointer}/{index++}", depth + 1, isRoot: false) is { } problem)
                    {
                        return problem;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static bool IsLocal(string reference) => reference == "#" || reference.StartsWith("#/", StringComparison.Ordinal);

    /// <summary>A loop of in-place subschemas and references, found by depth-first search from the root.</summary>
    private static string? Cycle(JsonElement root)
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path; true: done
        string? Visit(string pointer, JsonElement node, int depth)
        {
            if (state.TryGetValue(pointer, out var done))
            {
                return done ? null : $"{pointer} refers back to itself without moving into the value";
            }
            if (depth > MaxReferenceChain)
            {
                return $"its references chain through more than {MaxReferenceChain} subschemas (at {pointer})";
            }
            state[pointer] = false;
            foreach (var (childPointer, child) in InPlace(root, pointer, node))
            {
                if (Visit(childPointer, child, depth + 1) is { } problem)
                {
                    return problem;
                }
            }
            state[pointer] = true;
            // Subschemas that apply to parts of the value are searched too, for loops of their own.
            foreach (var (childPointer, child) in Subschemas(pointer, node))
            {
                if (!state.ContainsKey(childPointer) && Visit(childPointer, child, depth + 1) is { } problem)
                {
                    return problem;
                }
            }
            return null;
        }
        return Visit("#", root, 0);
    }

    private static IEnumerable<(string Pointer, JsonElement Node)> InPlace(JsonElement root, string pointer, JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        foreach (var name in InPlaceLists)
        {
            if (node.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    yield return ($"{pointer}/{name}/{index++}", item);
                }
            }
        }
        foreach (var name in InPlaceSingles)
        {
            if (node.TryGetProperty(name, out var single))
            {
                yield return ($"{pointer}/{name}", single);
            }
        }
        if (node.TryGetProperty("dependentSchemas", out var dependent) && dependent.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in dependent.EnumerateObject())
            {
                yield return ($"{pointer}/dependentSchemas/{Escape(property.Name)}", property.Value);
            }
        }
        if (node.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String && Resolve(root, reference.GetString()!) is { } target)
        {
            yield return (reference.GetString()!, target);
        }
    }

    /// <summary>Every other subschema (properties, items, definitions…), where a loop of its own may hide.</summary>
    private static IEnumerable<(string Pointer, JsonElement Node)> Subschemas(string pointer, JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        foreach (var property in node.EnumerateObject())
        {
            var at = $"{pointer}/{Escape(property.Name)}";
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object when property.Name is "properties" or "patternProperties" or "$defs" or "definitions":
                    foreach (var child in property.Value.EnumerateObject())
                    {
                        yield return ($"{at}/{Escape(child.Name)}", child.Value);
                    }
                    break;
                case JsonValueKind.Object when property.Name is "items" or "additionalProperties" or "additionalItems" or "contains" or "propertyNames" or "unevaluatedItems" or "unevaluatedProperties":
                    yield return (at, property.Value);
                    break;
                case JsonValueKind.Array when property.Name is "prefixItems" or "items":
                    var index = 0;
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        yield return ($"{at}/{index++}", item);
                    }
                    break;
            }
        }
    }

    /// <summary>The subschema a local reference names ("#", "#/$defs/a"), or null when it names nothing.</summary>
    public static JsonElement? Resolve(JsonElement root, string reference)
    {
        var current = root;
        foreach (var raw in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index >= 0 && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }
        return current;
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
