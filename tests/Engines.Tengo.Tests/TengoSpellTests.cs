using LlmSpell.Testing;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Engines.Tengo.Tests;

/// <summary>The adapter: how Tengo spells meet the spell API, its errors, values and output.</summary>
public sealed class TengoSpellTests
{
    private static Task<SpellOutcome> RunAsync(string source, SpellMap? input = null) =>
        new SpellTestHost([new TengoEngine()]).RunAsync("spell.tengo", source, input, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task An_exported_api_error_is_reported_where_the_call_was_made()
    {
        var outcome = await RunAsync("llm := import(\"llm\")\nr := llm.complete(42)\nx := 1\nexport r");

        Assert.Equal("bad_argument", outcome.Error.Code);
        Assert.Equal(2, outcome.Error.Location!.Line);
    }

    [Fact]
    public async Task An_error_value_from_a_callback_fails_the_host_call_with_its_code_and_where_it_was_made()
    {
        var outcome = await RunAsync("""
            state := import("state")
            r := state.update("k", func(old) {
                return error({code: "no_way", message: "not today"})
            })
            export {code: r.value.code, message: r.value.message, unchanged: is_undefined(state.get("k"))}
            """);

        Assert.Equal(SpellJson.Parse("""{"code":"no_way","message":"not today","unchanged":true}"""), outcome.Value);
    }

    [Fact]
    public async Task A_runtime_error_carries_the_tengo_trace()
    {
        var outcome = await RunAsync("f := func(x) {\n    return x + \"a\"\n}\nf(1)");

        Assert.Equal("runtime_error", outcome.Error.Code);
        Assert.Equal(2, outcome.Error.Location!.Line);
        Assert.Contains("Runtime Error: invalid operation: int + string\n\tat spell.tengo:2:12\n\tat spell.tengo:4:1", outcome.Error.ScriptStack, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_cross_the_bridge_both_ways()
    {
        var input = (SpellMap)SpellJson.Parse("""{"n":3,"f":1.5,"s":"x","b":true,"l":[1,"two",null],"m":{"k":{"deep":[true]}},"none":null}""");

        var outcome = await RunAsync("export input", input);

        Assert.Equal(input, outcome.Value);
    }

    [Fact]
    public async Task Chars_times_and_errors_become_plain_values()
    {
        var outcome = await RunAsync("times := import(\"times\")\nexport {c: 'x', t: times.unix(0, 0), e: [error(\"inner\")]}");

        Assert.Equal(SpellJson.Parse("""{"c":"x","t":"1970-01-01T00:00:00Z","e":["inner"]}"""), outcome.Value);
    }

    [Fact]
    public async Task Printed_text_without_a_final_line_end_is_still_printed()
    {
        var outcome = await RunAsync("fmt := import(\"fmt\")\nfmt.print(\"a\")\nfmt.print(\"b\\nc\")\nfmt.printf(\"%d\", 7)");

        Assert.Equal(["ab", "c7"], outcome.Lines);
    }

    [Fact]
    public async Task Api_modules_are_imported_by_name_or_full_name_and_are_read_only()
    {
        var outcome = await RunAsync("a := import(\"llmspell/json\")\nb := import(\"log\")\nc := import(\"llmspell/log\")\nexport [a.encode({a: [1, 2]}), type_name(a), type_name(b), b.info == c.info]");

        Assert.Equal(SpellJson.Parse("""["{\"a\":[1,2]}","immutable-map","immutable-map",true]"""), outcome.Value);
        var write = await RunAsync("j := import(\"llmspell/json\")\nj.encode = 1");
        Assert.Contains("not index-assignable: immutable-map", write.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bare_name_json_is_the_language_s_own_module_and_the_api_s_is_llmspell_json()
    {
        // As the reference: encode gives bytes, decode takes bytes or a string and reports bad JSON as an error value.
        var outcome = await RunAsync("""
            json := import("json")
            api := import("llmspell/json")
            encoded := json.encode({a: [1, 2]})
            export [type_name(encoded), string(encoded), json.decode(encoded).a[1], string(json.indent(encoded, "", " ")),
                is_error(json.decode("{bad")), type_name(api.encode({a: 1})), api.encode({a: 1}, {pretty: true})]
            """);

        Assert.Equal(SpellJson.Parse("""["bytes","{\"a\":[1,2]}",2,"{\n \"a\": [\n  1,\n  2\n ]\n}",true,"string","{\n  \"a\": 1\n}"]"""), outcome.Value);
    }

    [Fact]
    public async Task A_builtin_function_can_be_handed_to_the_host()
    {
        var outcome = await RunAsync("""
            workflow := import("workflow")
            text := import("text")
            shout := workflow.sequential({name: "shout", steps: [text.to_upper, func(s) { return s + "!" }]})
            export shout.run("hey")
            """);

        Assert.Equal(SpellValue.From("HEY!"), outcome.Value);
    }

    [Fact]
    public async Task A_host_call_passes_what_it_has_whatever_the_function_declares()
    {
        var outcome = await RunAsync("""
            llm := import("llm")
            chunks := 0
            llm.stream("a b c", undefined, func() { chunks++ })
            more := []
            llm.stream("d e", undefined, func(chunk, extra) { more = append(more, is_undefined(extra)) })
            export [chunks, more]
            """);

        Assert.Equal(SpellJson.Parse("[4,[true,true,true]]"), outcome.Value);
    }
}
