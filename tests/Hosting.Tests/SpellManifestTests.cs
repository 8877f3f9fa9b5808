using LlmSpell.Errors;
using LlmSpell.Hosting.Spells;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Hosting.Tests;

/// <summary>The deployable-spell manifest: what it accepts, and every rejection located at its line.</summary>
public sealed class SpellManifestTests
{
    private static readonly string[] Extensions = [".lua", ".js", ".tengo"];

    private static SpellManifest Parse(string text, params string[] siblings) =>
        SpellManifestReader.Parse(text, "/spells/greet.spell.json", siblings.Length == 0 ? ["greet.lua"] : siblings, Extensions);

    [Fact]
    public void A_full_manifest_is_read()
    {
        var manifest = Parse("""
            {
              "name": "greet",
              "description": "says hello",
              "input": { "type": "object", "properties": { "name": { "type": "string" } }, "required": ["name"] },
              "limits": { "timeout_ms": 5000, "memory_mb": 32, "instructions": 2000000000, "call_depth": 5000 },
              "triggers": { "http": false, "queue": true, "schedule": { "cron": "0 */5 * * * *", "time_zone": "Europe/Paris", "catch_up": false } }
            }
            """);
        Assert.Equal("greet.lua", manifest.ScriptFile);
        Assert.Equal(TimeSpan.FromSeconds(5), manifest.Limits.Timeout);
        Assert.Equal(32L * 1024 * 1024, manifest.Limits.MaxMemoryBytes);
        Assert.Equal(2_000_000_000, manifest.Limits.MaxInstructions);
        Assert.Equal(5000, manifest.Limits.MaxRecursionDepth);
        Assert.False(manifest.Triggers.Http);
        Assert.Equal("greet", manifest.Triggers.Queue!.QueueName);
        Assert.Equal("Europe/Paris", manifest.Triggers.Schedule!.TimeZone.Id);
        Assert.False(manifest.Triggers.Schedule.CatchUp);
    }

    [Theory]
    [InlineData("{\n  \"name\": \"greet\",\n  \"triggers\": {\n    \"schedule\": \"* * *\"\n  }\n}", 4, "six fields")]
    [InlineData("{\n  \"limits\": {\n    \"timeout_ms\": -1 } }", 3, "limits.timeout_ms")]
    [InlineData("{\n  \"limits\": {\n    \"call_depth\": 100001 } }", 3, "limits.call_depth must be a whole number from 1 to 100000")]
    [InlineData("{\n  \"colour\": 1 }", 2, "unknown key 'colour'")]
    [InlineData("{\n  \"name\": \"Not OK\" }", 2, "lower-case")]
    [InlineData("{\n  \"input\": { \"type\": \"string\" } }", 2, "\"object\"")]
    [InlineData("{\n  \"triggers\": { \"queue\": \"Bad_Queue\" } }", 2, "storage queue name")]
    [InlineData("{ \"name\": ", 1, "not valid JSON")]
    public void A_bad_manifest_names_the_problem_at_its_line(string text, int line, string fragment)
    {
        var error = Assert.Throws<SpellException>(() => Parse(text)).Error;
        Assert.Equal(SpellErrorCode.BadArgument, error.Code);
        Assert.Equal(line, error.Location!.Line);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_script_must_be_found_and_unambiguous()
    {
        Assert.Contains("no script", Assert.Throws<SpellException>(() => Parse("{}", "other.lua")).Message, StringComparison.Ordinal);
        Assert.Contains("several scripts", Assert.Throws<SpellException>(() => Parse("{}", "greet.lua", "greet.js")).Message, StringComparison.Ordinal);
        Assert.Equal("greet.js", Parse("{ \"script\": \"greet.js\" }", "greet.lua", "greet.js").ScriptFile);
        Assert.Contains("beside", Assert.Throws<SpellException>(() => Parse("{ \"script\": \"../x.lua\" }")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_input_schema_checks_input_and_never_fetches_references()
    {
        var manifest = Parse("""{ "input": { "type": "object", "properties": { "name": { "type": "string" } }, "required": ["name"] } }""");
        manifest.Input!.Check("greet", SpellValue.Map([new("name", SpellValue.From("ada"))]));
        var error = Assert.Throws<SpellException>(() => manifest.Input.Check("greet", SpellValue.Map([new("name", SpellValue.From(5))]))).Error;
        Assert.Equal(SpellErrorCode.BadArgument, error.Code);
        Assert.Contains("input.name", error.Message, StringComparison.Ordinal);

        // A remote reference is refused when the manifest is read; nothing is fetched.
        var remote = Assert.Throws<SpellException>(() => Parse("""{ "input": { "type": "object", "properties": { "x": { "$ref": "http://127.0.0.1:1/schema.json" } } } }""")).Error;
        Assert.Equal(SpellErrorCode.BadArgument, remote.Code);
        Assert.Contains("outside the schema", remote.Message, StringComparison.Ordinal);
    }
}
