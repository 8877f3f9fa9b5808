using System.Net;
using System.Text.Json;
using LlmSpell.Errors;
using LlmSpell.Schemas;
using LlmSpell.Testing;
using Xunit;

namespace LlmSpell.Tests;

/// <summary>Schemas come from spells, models and MCP servers: building and evaluating one must be safe.</summary>
public sealed class SpellSchemaTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Theory]
    [InlineData("""{ "$ref": "{0}schema.json" }""")]
    [InlineData("""{ "properties": { "a": { "$ref": "{0}a.json#/definitions/x" } } }""")]
    [InlineData("""{ "$id": "{0}root.json", "properties": { "a": { "$ref": "other.json" } } }""")]
    [InlineData("""{ "allOf": [ { "$ref": "{0}" } ] }""")]
    public async Task No_reference_makes_the_host_fetch_anything(string template)
    {
        using var listener = new HttpListener();
        var url = $"http://127.0.0.1:{LoopbackPorts.Free()}/";
        listener.Prefixes.Add(url);
        listener.Start();
        var hits = 0;
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                try
                {
                    var context = await listener.GetContextAsync();
                    Interlocked.Increment(ref hits);
                    await context.Response.OutputStream.WriteAsync("""{ "type": "string" }"""u8.ToArray());
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
            }
        }, TestContext.Current.CancellationToken);

        var error = Assert.Throws<SpellException>(() => SpellSchema.Parse(Json(template.Replace("{0}", url, StringComparison.Ordinal)), "tool 'probe': parameters"));

        Assert.Equal(SpellErrorCode.BadArgument, error.Code);
        Assert.StartsWith("tool 'probe': parameters is not a usable JSON schema: ", error.Message, StringComparison.Ordinal);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal(0, hits);
    }

    [Theory]
    [InlineData("""{ "allOf": [ { "$ref": "#" } ] }""", "refers back to itself")]
    [InlineData("""{ "$defs": { "a": { "not": { "$ref": "#/$defs/b" } }, "b": { "if": { "$ref": "#/$defs/a" } } }, "$ref": "#/$defs/a" }""", "refers back to itself")]
    [InlineData("""{ "properties": { "x": { "oneOf": [ { "$ref": "#/properties/x" } ] } } }""", "refers back to itself")]
    [InlineData("""{ "$dynamicRef": "#meta" }""", "not supported")]
    [InlineData("""{ "type": "string", "pattern": "(a)\\1" }""", "backreference or a lookaround")]
    public void Schemas_that_would_recurse_for_ever_or_backtrack_are_refused(string schema, string problem)
    {
        var error = Assert.Throws<SpellException>(() => SpellSchema.Parse(Json(schema), "the schema"));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recursive_schema_that_moves_into_the_value_is_fine()
    {
        var schema = SpellSchema.Parse(Json("""{ "type": "object", "properties": { "child": { "$ref": "#" }, "n": { "type": "number" } } }"""), "tree");
        Assert.Empty(schema.Evaluate(Json("""{ "child": { "child": { "n": 1 } } }"""), "tree"));
        Assert.Single(schema.Evaluate(Json("""{ "child": { "child": { "n": "one" } } }"""), "tree"));
    }

    [Fact]
    public void Oversized_and_over_deep_schemas_are_refused_before_they_are_built()
    {
        var deep = """{ "type": "string" }""";
        for (var i = 0; i < 40; i++)
        {
            deep = $$"""{ "properties": { "a": {{deep}} } }""";
        }
        var wide = "{ \"enum\": [" + string.Join(',', Enumerable.Repeat("\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", 10_000)) + "] }";

        Assert.Contains("nests deeper than", Assert.Throws<SpellException>(() => SpellSchema.Parse(JsonDocument.Parse(deep, new JsonDocumentOptions { MaxDepth = 256 }).RootElement, "s")).Message, StringComparison.Ordinal);
        Assert.Contains("larger than", Assert.Throws<SpellException>(() => SpellSchema.Parse(Json(wide), "s")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patterns_match_in_linear_time_whatever_the_pattern()
    {
        var schema = SpellSchema.Parse(Json("""{ "type": "object", "properties": { "s": { "type": "string", "pattern": "^(a+)+$" } }, "patternProperties": { "^(b+)+$": { "type": "number" } } }"""), "s");
        var evil = new string('a', 50_000) + "!";
        var names = new string('b', 50_000) + "!";

        // A backtracking engine would not return from either for longer than the universe has existed.
        var problems = await Task.Run(() => schema.Evaluate(Json($$"""{ "s": "{{evil}}", "{{names}}": "x" }"""), "s"), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Contains(problems, p => p.Keyword == "pattern" && p.InstancePointer == "/s");
    }
}
