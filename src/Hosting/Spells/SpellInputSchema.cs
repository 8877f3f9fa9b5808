using System.Text.Json;
using Json.Schema;
using LlmSpell.Errors;
using LlmSpell.Values;

namespace LlmSpell.Hosting.Spells;

/// <summary>
/// A spell's input schema, built once, that checks a run's input before the spell starts. References
/// resolve only inside the schema: nothing is fetched from the network or the disk.
/// </summary>
public sealed class SpellInputSchema
{
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List };

    private readonly JsonSchema _schema;

    private SpellInputSchema(JsonSchema schema, JsonElement definition)
    {
        _schema = schema;
        Definition = definition;
    }

    /// <summary>The schema as written, for listings (<c>GET /api/spells</c>).</summary>
    public JsonElement Definition { get; }

    /// <exception cref="ArgumentException">The text is not a usable schema; the message says why.</exception>
    public static SpellInputSchema Parse(JsonElement definition)
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry { Fetch = NoFetch } };
        // Cloned first: the schema keeps the element, and the caller's document is disposed after parsing.
        var owned = definition.Clone();
        try
        {
            return new SpellInputSchema(JsonSchema.Build(owned, options), owned);
        }
        catch (Exception e) when (e is JsonSchemaException or JsonException or InvalidOperationException or ArgumentException or UriFormatException)
        {
            throw new ArgumentException(e.Message, nameof(definition), e);
        }
    }

    /// <exception cref="SpellException">With code <c>bad_argument</c> naming each field at fault.</exception>
    public void Check(string spellName, SpellValue input)
    {
        EvaluationResults results;
        try
        {
            results = _schema.Evaluate(SpellJson.ToElement(input), Evaluation);
        }
        catch (Exception e) when (e is JsonSchemaException or RefResolutionException or InvalidOperationException)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"spell '{spellName}': its input schema cannot be evaluated: {e.Message}");
        }
        if (results.IsValid)
        {
            return;
        }
        var problems = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{Field(d.InstanceLocation.ToString())} {e.Value}"))
            .Distinct()
            .Take(5)
            .ToList();
        throw new SpellException(SpellErrorCode.BadArgument,
            $"spell '{spellName}': input does not match its schema: {(problems.Count > 0 ? string.Join("; ", problems) : "rejected")}");
    }

    private static string Field(string pointer) => pointer is "" or "#" or "/" ? "input:" : $"input{pointer.TrimStart('#').Replace('/', '.')}:";

    private static IBaseDocument? NoFetch(Uri uri, SchemaRegistry registry) =>
        throw new JsonSchemaException($"reference '{uri}' is outside the schema; spell schemas may only refer to their own parts");
}
