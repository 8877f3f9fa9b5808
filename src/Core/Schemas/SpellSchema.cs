using System.Text.Json;
using Json.Schema;
using LlmSpell.Errors;

namespace LlmSpell.Schemas;

/// <summary>
/// A JSON Schema from a spell, a model or an MCP server, built once and safe to evaluate: checked by
/// <see cref="SchemaGuard"/> (size, depth, only local references, no reference loops), built with no
/// way to fetch anything, and with patterns on the linear-time regex engine. Evaluation reports each
/// problem with where in the value it is and which keyword failed.
/// </summary>
public sealed class SpellSchema
{
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List };

    private readonly JsonSchema _schema;

    private SpellSchema(JsonSchema schema, JsonElement definition)
    {
        _schema = schema;
        Definition = definition;
    }

    /// <summary>The schema as written.</summary>
    public JsonElement Definition { get; }

    /// <exception cref="SpellException">With code <c>bad_argument</c>: "<paramref name="owner"/> is not a usable JSON schema: why".</exception>
    public static SpellSchema Parse(JsonElement definition, string owner) =>
        TryParse(definition, out var problem) ?? throw new SpellException(SpellErrorCode.BadArgument, $"{owner} is not a usable JSON schema: {problem}");

    /// <returns>The schema, or null with <paramref name="problem"/> saying why it is not usable.</returns>
    public static SpellSchema? TryParse(JsonElement definition, out string? problem)
    {
        // Cloned first: the schema keeps the element, and the caller's document may be disposed.
        var owned = definition.Clone();
        problem = owned.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False)
            ? "a schema is an object (or true/false)"
            : SchemaGuard.Problem(owned);
        if (problem is not null)
        {
            return null;
        }
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry { Fetch = NoFetch } };
        try
        {
            var schema = JsonSchema.Build(owned, options);
            SafePatterns.Apply(schema);
            return new SpellSchema(schema, owned);
        }
        catch (Exception e) when (e is JsonSchemaException or JsonException or InvalidOperationException or ArgumentException or UriFormatException or RefResolutionException)
        {
            problem = e.Message;
            return null;
        }
    }

    /// <summary>The problems of <paramref name="instance"/>; empty when it matches.</summary>
    /// <exception cref="SpellException">With code <c>bad_argument</c> when the schema cannot be evaluated.</exception>
    public IReadOnlyList<SchemaProblem> Evaluate(JsonElement instance, string owner)
    {
        EvaluationResults results;
        try
        {
            results = _schema.Evaluate(instance, Evaluation);
        }
        catch (Exception e) when (e is JsonSchemaException or RefResolutionException or InvalidOperationException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{owner}: the schema cannot be evaluated: {e.Message}");
        }
        if (results.IsValid)
        {
            return [];
        }
        return [.. (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => new SchemaProblem(d.InstanceLocation.ToString(), Fragment(d.SchemaLocation), e.Key, e.Value)))
            .Distinct()];
    }

    /// <summary>The subschema at a problem's schema location, to say precisely what it asked for.</summary>
    public JsonElement? SubschemaAt(SchemaProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return SchemaGuard.Resolve(Definition, problem.SchemaPointer);
    }

    private static string Fragment(Uri? location) => location is null ? "#" : location.Fragment is { Length: > 0 } fragment ? Uri.UnescapeDataString(fragment) : "#";

    private static IBaseDocument? NoFetch(Uri uri, SchemaRegistry registry) =>
        throw new JsonSchemaException($"'{uri}' is outside the schema; a schema may only refer to its own parts");
}

/// <summary>One way a value fails a schema.</summary>
/// <param name="InstancePointer">Where in the value ("" for the value itself, "/a/0").</param>
/// <param name="SchemaPointer">The failing subschema ("#/properties/a").</param>
/// <param name="Keyword">The keyword that failed ("type", "required"; "" for a false schema).</param>
/// <param name="Message">JsonSchema.Net's own words.</param>
public sealed record SchemaProblem(string InstancePointer, string SchemaPointer, string Keyword, string Message)
{
    /// <summary>Where in the value, as people write it: "a.0.b"; "" for the value itself.</summary>
    public string Field => FieldOf(InstancePointer);

    /// <summary>
    /// A JSON pointer ("/a/0/b") as a dotted field path, its escapes undone. A name past 64 characters
    /// is cut, so a message stays readable.
    /// </summary>
    public static string FieldOf(string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        const int Longest = 64;
        return string.Join('.', pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .Select(s => s.Length > Longest ? s[..Longest] + $"…({s.Length} characters)" : s));
    }
}
