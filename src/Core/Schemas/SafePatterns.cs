using System.Text.RegularExpressions;
using Json.Schema;
using Json.Schema.Keywords;

namespace LlmSpell.Schemas;

/// <summary>
/// Puts a built schema's <c>pattern</c> and <c>patternProperties</c> on .NET's non-backtracking regex
/// engine, whose match time is linear in the input: a schema from a spell, a model or an MCP server
/// cannot make the host spin on a catastrophic pattern. JsonSchema.Net compiles patterns for the
/// backtracking engine with no time limit; its keywords' compiled values are swapped here, so its own
/// evaluation (and the annotations other keywords depend on) stays as it is. Constructs the linear
/// engine cannot run (backreferences, lookarounds) make the schema unusable, saying so.
/// </summary>
internal static class SafePatterns
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    /// <exception cref="JsonSchemaException">A pattern the linear engine cannot run.</exception>
    public static void Apply(JsonSchema schema)
    {
        if (schema.Root is not { } root)
        {
            return;
        }
        var seen = new HashSet<JsonSchemaNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<JsonSchemaNode>([root]);
        while (pending.TryPop(out var node))
        {
            if (!seen.Add(node))
            {
                continue;
            }
            foreach (var keyword in node.Keywords ?? [])
            {
                switch (keyword.Value)
                {
                    case Regex pattern when keyword.Handler is PatternKeyword:
                        keyword.Value = Compile(pattern.ToString());
                        break;
                    case IReadOnlyDictionary<string, Regex> patterns when keyword.Handler is PatternPropertiesKeyword:
                        keyword.Value = patterns.ToDictionary(p => p.Key, p => Compile(p.Key));
                        break;
                }
                foreach (var child in keyword.Subschemas ?? [])
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static Regex Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, Options);
        }
        catch (NotSupportedException)
        {
            throw new JsonSchemaException($"pattern '{pattern}' uses a backreference or a lookaround, which the linear-time regex engine schemas run on does not support");
        }
        catch (ArgumentException e)
        {
            throw new JsonSchemaException($"pattern '{pattern}' is not a regular expression: {e.Message}");
        }
    }
}
