using LlmSpell.Engines.JavaScript;
using LlmSpell.Engines.Lua;
using LlmSpell.Engines.Tengo;
using LlmSpell.Errors;
using LlmSpell.FakeProviders;
using LlmSpell.Running;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Integration;

/// <summary>Spells in every engine against every provider's wire format.</summary>
public sealed class SpellProviderTests : IAsyncLifetime
{
    private VendorFleet _fleet = null!;

    public static TheoryData<string, string> EnginesAndProviders()
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in new[] { "lua", "js", "tengo" })
        {
            foreach (var provider in VendorFleet.ProviderNames)
            {
                data.Add(engine, provider);
            }
        }

        return data;
    }

    public static TheoryData<string> Engines() => ["lua", "js", "tengo"];

    public async ValueTask InitializeAsync() => _fleet = await VendorFleet.StartAsync();

    public async ValueTask DisposeAsync() => await _fleet.DisposeAsync();

    private static ISpellEngine Engine(string name) => name switch
    {
        "lua" => new LuaEngine(),
        "tengo" => new TengoEngine(),
        _ => new JavaScriptEngine(),
    };

    private static string Spell(string engine, string lua, string js, string tengo) => engine switch
    {
        "lua" => lua,
        "tengo" => tengo,
        _ => js,
    };

    [Theory]
    [MemberData(nameof(EnginesAndProviders))]
    public async Task A_spell_streams_tokens_from_the_provider(string engine, string provider)
    {
        _fleet.Servers[provider].Enqueue(FakeReply.Answer("tokens arrive one by one", inputTokens: 7, outputTokens: 5));
        var source = Spell(engine,
            $"local chunks = {{}}\nlocal text = llm.stream(\"go\", {{ provider = \"{provider}\" }}, function(c) chunks[#chunks + 1] = c end)\nreturn {{ text = text, chunks = #chunks, usage = llm.usage() }}",
            $"const chunks = [];\nconst text = await llm.stream(\"go\", {{ provider: \"{provider}\" }}, (c) => chunks.push(c));\nreturn {{ text, chunks: chunks.length, usage: llm.usage() }};",
            $"llm := import(\"llm\")\nchunks := []\ntext := llm.stream(\"go\", {{provider: \"{provider}\"}}, func(c) {{ chunks = append(chunks, c) }})\nexport {{text: text, chunks: len(chunks), usage: llm.usage()}}");

        var outcome = await _fleet.Host(Engine(engine)).RunAsync("stream." + engine, source, cancellationToken: TestContext.Current.CancellationToken);

        var result = (SpellMap)outcome.Value;
        Assert.Equal(SpellValue.From("tokens arrive one by one"), result["text"]);
        Assert.True(((SpellInt)result["chunks"]).Value >= 5, $"only {result["chunks"]} chunks");
        Assert.Equal(SpellValue.From(1), ((SpellMap)result["usage"])["calls"]);
        Assert.Equal(SpellValue.From(5), ((SpellMap)result["usage"])["output_tokens"]);
        Assert.True((bool?)_fleet.Servers[provider].Requests.Single().Body!["stream"] ?? provider == "ollama");
    }

    [Theory]
    [MemberData(nameof(EnginesAndProviders))]
    public async Task Spell_functions_are_called_as_tools_and_their_results_go_back(string engine, string provider)
    {
        _fleet.Servers[provider].Enqueue(
            FakeReply.CallTools(("call_1", "add", "{\"a\":2,\"b\":3}"), ("call_2", "add", "{\"a\":10,\"b\":20}")),
            FakeReply.Answer("The sums are 5 and 30."));
        var source = Spell(engine,
            $$"""
            local calls = 0
            local add = { name = "add", description = "Add two numbers",
              parameters = { type = "object", properties = { a = { type = "integer" }, b = { type = "integer" } }, required = { "a", "b" } },
              handler = function(args) calls = calls + 1 return { sum = args.a + args.b } end }
            local answer = llm.complete("add things", { provider = "{{provider}}", tools = { add } })
            return { answer = answer, calls = calls }
            """,
            $$"""
            let calls = 0;
            const add = { name: "add", description: "Add two numbers",
              parameters: { type: "object", properties: { a: { type: "integer" }, b: { type: "integer" } }, required: ["a", "b"] },
              handler: (args) => { calls++; return { sum: args.a + args.b }; } };
            const answer = await llm.complete("add things", { provider: "{{provider}}", tools: [add] });
            return { answer, calls };
            """,
            $$"""
            llm := import("llm")
            calls := 0
            add := {name: "add", description: "Add two numbers",
                parameters: {type: "object", properties: {a: {type: "integer"}, b: {type: "integer"} }, required: ["a", "b"]},
                handler: func(args) { calls++; return {sum: args.a + args.b} } }
            answer := llm.complete("add things", {provider: "{{provider}}", tools: [add]})
            export {answer: answer, calls: calls}
            """);

        var outcome = await _fleet.Host(Engine(engine)).RunAsync("tools." + engine, source, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(SpellJson.Parse("{\"answer\":\"The sums are 5 and 30.\",\"calls\":2}"), outcome.Value);
        var requests = _fleet.Servers[provider].Requests;
        Assert.Equal(2, requests.Count);
        Assert.Contains("\"add\"", requests[0].Body!.ToJsonString(), StringComparison.Ordinal);
        var followUp = requests[1].Body!.ToJsonString();
        Assert.Contains("30", followUp, StringComparison.Ordinal);
        Assert.Contains("sum", followUp, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Registered_and_built_in_tools_are_offered_by_name_and_bad_arguments_go_back_to_the_model(string engine)
    {
        var server = _fleet.Servers["openai"];
        server.Enqueue(
            FakeReply.CallTools(("c1", "calculator", "{\"expression\":\"6*7\"}"), ("c2", "lookup", "{\"key\":\"color\"}"), ("c3", "lookup", "{\"wrong\":1}")),
            FakeReply.Answer("42 and blue"));
        var source = Spell(engine,
            """
            tools.register({ name = "lookup", parameters = { type = "object", properties = { key = { type = "string" } }, required = { "key" } },
              handler = function(args) return ({ color = "blue" })[args.key] end })
            return llm.complete("compute and look up", { provider = "openai", tools = { "calculator", "lookup" } })
            """,
            """
            tools.register({ name: "lookup", parameters: { type: "object", properties: { key: { type: "string" } }, required: ["key"] },
              handler: (args) => ({ color: "blue" })[args.key] });
            return await llm.complete("compute and look up", { provider: "openai", tools: ["calculator", "lookup"] });
            """,
            """
            tools := import("tools")
            llm := import("llm")
            tools.register({name: "lookup", parameters: {type: "object", properties: {key: {type: "string"}}, required: ["key"]},
                handler: func(args) { return {color: "blue"}[args.key] }})
            export llm.complete("compute and look up", {provider: "openai", tools: ["calculator", "lookup"]})
            """);

        var outcome = await _fleet.Host(Engine(engine)).RunAsync("named." + engine, source, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(SpellValue.From("42 and blue"), outcome.Value);
        var offered = server.Requests[0].Body!["tools"]!.AsArray().Select(t => (string?)t!["function"]!["name"]).ToList();
        Assert.Equal(["calculator", "lookup"], offered);
        var followUp = server.Requests[1].Body!.ToJsonString();
        Assert.Contains("42", followUp, StringComparison.Ordinal);
        Assert.Contains("blue", followUp, StringComparison.Ordinal);
        var toolResults = server.Requests[1].Body!["messages"]!.AsArray().Where(m => (string?)m!["role"] == "tool").Select(m => (string?)m!["content"]).ToList();
        Assert.Equal(3, toolResults.Count);
        Assert.Contains(toolResults, r => r!.Contains("argument 'key' is required", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Structured_output_is_checked_against_the_schema(string engine)
    {
        var server = _fleet.Servers["openai"];
        server.Enqueue(FakeReply.Answer("{\"name\":\"Ada\",\"age\":36}"), FakeReply.Answer("{\"name\":\"Ada\",\"age\":\"old\"}"), FakeReply.Answer("Sure! Here it is: Ada, 36"));
        var source = Spell(engine,
            """
            local schema = { type = "object", properties = { name = { type = "string" }, age = { type = "integer" } }, required = { "name", "age" } }
            local good = llm.structured("who", schema, { provider = "openai" })
            local ok1, wrong = pcall(llm.structured, "who", schema, { provider = "openai" })
            local ok2, prose = pcall(llm.structured, "who", schema, { provider = "openai" })
            return { good = good, wrong = wrong.code, wrong_message = wrong.message, prose = prose.code }
            """,
            """
            const schema = { type: "object", properties: { name: { type: "string" }, age: { type: "integer" } }, required: ["name", "age"] };
            const good = await llm.structured("who", schema, { provider: "openai" });
            const fail = async () => { try { await llm.structured("who", schema, { provider: "openai" }); } catch (e) { return e; } };
            const wrong = await fail();
            const prose = await fail();
            return { good, wrong: wrong.code, wrong_message: wrong.message, prose: prose.code };
            """,
            """
            llm := import("llm")
            schema := {type: "object", properties: {name: {type: "string"}, age: {type: "integer"}}, required: ["name", "age"]}
            good := llm.structured("who", schema, {provider: "openai"})
            wrong := llm.structured("who", schema, {provider: "openai"})
            prose := llm.structured("who", schema, {provider: "openai"})
            export {good: good, wrong: wrong.value.code, wrong_message: wrong.value.message, prose: prose.value.code}
            """);

        var outcome = await _fleet.Host(Engine(engine)).RunAsync("structured." + engine, source, cancellationToken: TestContext.Current.CancellationToken);

        var result = (SpellMap)outcome.Value;
        Assert.Equal(SpellJson.Parse("{\"name\":\"Ada\",\"age\":36}"), result["good"]);
        Assert.Equal(SpellValue.From(SpellErrorCode.LlmBadOutput), result["wrong"]);
        Assert.Contains("age", ((SpellString)result["wrong_message"]).Value, StringComparison.Ordinal);
        Assert.Equal(SpellValue.From(SpellErrorCode.LlmBadOutput), result["prose"]);
        Assert.Contains("\"json_schema\"", server.Requests[0].Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Provider_errors_reach_the_spell_as_catchable_codes(string engine)
    {
        _fleet.Servers["anthropic"].Enqueue(FakeReply.Fail(401, "authentication_error", "invalid x-api-key"));
        var source = Spell(engine,
            "local ok, err = pcall(llm.complete, \"hi\", { provider = \"anthropic\" })\nreturn err.code",
            "try { await llm.complete(\"hi\", { provider: \"anthropic\" }); } catch (e) { return e.code; }",
            "llm := import(\"llm\")\nr := llm.complete(\"hi\", {provider: \"anthropic\"})\nexport is_error(r) ? r.value.code : \"no error\"");
        var outcome = await _fleet.Host(Engine(engine)).RunAsync("errors." + engine, source, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(SpellValue.From(SpellErrorCode.LlmAuth), outcome.Value);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Models_are_listed_per_provider(string engine)
    {
        var source = Spell(engine, "return { anthropic = llm.models(\"anthropic\"), ollama = llm.models(\"ollama\") }", "return { anthropic: await llm.models(\"anthropic\"), ollama: await llm.models(\"ollama\") };",
            "llm := import(\"llm\")\nexport {anthropic: llm.models(\"anthropic\"), ollama: llm.models(\"ollama\")}");
        var outcome = await _fleet.Host(Engine(engine)).RunAsync("models." + engine, source, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(SpellJson.Parse("{\"anthropic\":[\"claude-haiku-4-5\",\"claude-sonnet-4-5\"],\"ollama\":[\"llama3.2:latest\"]}"), outcome.Value);
    }
}
