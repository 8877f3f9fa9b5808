using System.Text.Json;
using LlmSpell.Errors;
using LlmSpell.Schemas;
using LlmSpell.Values;

namespace LlmSpell.Hosting.Spells;

/// <summary>
/// A spell's input schema, built once, that checks a run's input before the spell starts. References
/// resolve only inside the schema: nothing is fetched from the network or the disk.
/// </summary>
public sealed class SpellInputSchema
{
    private readonly SpellSchema _schema;

    private SpellInputSchema(SpellSchema schema) => _schema = schema;

    /// <summary>The schema as written, for listings (<c>GET /api/spells</c>).</summary>
    public JsonElement Definition => _schema.Definition;

    /// <exception cref="ArgumentException">The text is not a usable schema; the message says why.</exception>
    public static SpellInputSchema Parse(JsonElement definition) =>
        SpellSchema.TryParse(definition, out var problem) is { } schema
            ? new SpellInputSchema(schema)
            : throw new ArgumentException(problem, nameof(definition));

    /// <exception cref="SpellException">With code <c>bad_argument</c> naming each field at fault.</exception>
    public void Check(string spellName, SpellValue input)
    {
        var problems = _schema.Evaluate(SpellJson.ToElement(input), $"spell '{spellName}': its input schema");
        if (problems.Count == 0)
        {
            return;
        }
        var listed = problems.Select(p => $"{Field(p.InstancePointer)} {p.Message}").Distinct().Take(5).ToList();
        throw new SpellException(SpellErrorCode.BadArgument, $"spell '{spellName}': input does not match its schema: {string.Join("; ", listed)}");
    }

    private static string Field(string pointer) => SchemaProblem.FieldOf(pointer) is { Length: > 0 } field ? $"input.{field}:" : "input:";
}
