using LlmSpell.Engines.JavaScript;
using LlmSpell.Engines.Lua;
using LlmSpell.Engines.Tengo;
using LlmSpell.Errors;
using LlmSpell.FakeProviders;
using LlmSpell.Running;
using LlmSpell.Testing;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Integration;

/// <summary>Agents in both engines against a fake OpenAI server scripted to call tools.</summary>
public sealed class AgentTests : IAsyncLifetime
{
    private VendorFleet _fleet = null!;

    public static TheoryData<string> Engines() => ["lua", "js", "tengo"];

    public async ValueTask InitializeAsync() => _fleet = await VendorFleet.StartAsync();

    public async ValueTask DisposeAsync() => await _fleet.DisposeAsync();

    private FakeVendorServer Server => _fleet.Servers["openai"];

    private async Task<SpellOutcome> Run(string engine, string lua, string js, string tengo)
    {
        var (spellEngine, source) = engine switch
        {
            "lua" => ((ISpellEngine)new LuaEngine(), lua),
            "tengo" => (new TengoEngine(), tengo),
            _ => (new JavaScriptEngine(), js),
        };
        return await _fleet.Host(spellEngine).RunAsync("agent." + engine, source, cancellationToken: TestContext.Current.CancellationToken);
    }

    private const string AddToolLua = """
        tools.register({ name = "add", parameters = { type = "object", properties = { a = { type = "integer" }, b = { type = "integer" } }, required = { "a", "b" } },
          handler = function(args) return args.a + args.b end })
        """;

    private const string AddToolJs = """
        tools.register({ name: "add", parameters: { type: "object", properties: { a: { type: "integer" }, b: { type: "integer" } }, required: ["a", "b"] },
          handler: (args) => args.a + args.b });
        """;

    private const string AddToolTengo = """
        agent := import("agent")
        tools := import("tools")
        tools.register({name: "add", parameters: {type: "object", properties: {a: {type: "integer"}, b: {type: "integer"}}, required: ["a", "b"]},
            handler: func(args) { return args.a + args.b }})

        """;

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task The_tool_loop_runs_parallel_and_repeated_calls_until_the_model_answers(string engine)
    {
        Server.Enqueue(
            FakeReply.CallTools(("c1", "add", "{\"a\":2,\"b\":3}"), ("c2", "add", "{\"a\":10,\"b\":20}")),
            FakeReply.CallTools(("c3", "add", "{\"a\":5,\"b\":30}"), ("c4", "add", "{\"a\":1}"), ("c5", "multiply", "{}")),
            FakeReply.Answer("35"));
        var outcome = await Run(engine,
            AddToolLua + "local a = agent.create({ name = 'mathy', provider = 'openai', instructions = 'Add.', tools = { 'add' } })\nreturn a.run('sum things')",
            AddToolJs + "const a = agent.create({ name: 'mathy', provider: 'openai', instructions: 'Add.', tools: ['add'] });\nreturn await a.run('sum things');",
            AddToolTengo + "a := agent.create({name: \"mathy\", provider: \"openai\", instructions: \"Add.\", tools: [\"add\"]})\nexport a.run(\"sum things\")");

        Assert.Equal(SpellValue.From("35"), outcome.Value);
        Assert.Equal(3, Server.Requests.Count);
        var last = Server.Requests[2].Body!["messages"]!.AsArray().Where(m => (string?)m!["role"] == "tool").Select(m => (string?)m!["content"]).ToList();
        Assert.Contains("35", last);
        Assert.Contains(last, r => r!.Contains("argument 'b' is required", StringComparison.Ordinal));
        Assert.Contains(last, r => r!.Contains("multiply", StringComparison.Ordinal));
        Assert.Equal("Add.", (string?)Server.Requests[0].Body!["messages"]![0]!["content"]);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_token_budget_stops_the_agent_with_a_clear_error(string engine)
    {
        Server.Enqueue(FakeReply.CallTools(("c1", "add", "{\"a\":1,\"b\":2}")), FakeReply.Answer("3"));
        var outcome = await Run(engine,
            AddToolLua + "local a = agent.create({ name = 'thrifty', provider = 'openai', tools = { 'add' }, token_budget = 20 })\nreturn a.run('add')",
            AddToolJs + "const a = agent.create({ name: 'thrifty', provider: 'openai', tools: ['add'], token_budget: 20 });\nreturn await a.run('add');",
            AddToolTengo + "a := agent.create({name: \"thrifty\", provider: \"openai\", tools: [\"add\"], token_budget: 20})\nexport a.run(\"add\")");

        Assert.Equal(SpellErrorCode.LlmBudgetExceeded, outcome.Error.Code);
        Assert.Equal("agent 'thrifty' used 30 tokens; its token_budget is 20", outcome.Error.Message);
        Assert.Single(Server.Requests);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task An_agent_still_calling_tools_at_max_turns_fails(string engine)
    {
        Server.Enqueue(Enumerable.Range(0, 4).Select(i => FakeReply.CallTools(($"c{i}", "add", "{\"a\":1,\"b\":1}"))).ToArray());
        var outcome = await Run(engine,
            AddToolLua + "local a = agent.create({ name = 'loopy', provider = 'openai', tools = { 'add' }, max_turns = 2 })\nreturn a.run('go')",
            AddToolJs + "const a = agent.create({ name: 'loopy', provider: 'openai', tools: ['add'], max_turns: 2 });\nreturn await a.run('go');",
            AddToolTengo + "a := agent.create({name: \"loopy\", provider: \"openai\", tools: [\"add\"], max_turns: 2})\nexport a.run(\"go\")");

        Assert.Equal(SpellErrorCode.AgentMaxTurns, outcome.Error.Code);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_handoff_gives_the_conversation_to_the_other_agent(string engine)
    {
        Server.Enqueue(FakeReply.CallTools(("h1", "transfer_to_writer", "{\"message\":\"write a haiku about tides\"}")), FakeReply.Answer("moon pulls the water"));
        var outcome = await Run(engine,
            """
            agent.create({ name = "writer", provider = "openai", instructions = "You write poems.", description = "writes poems" })
            local triage = agent.create({ name = "triage", provider = "openai", instructions = "Route requests.", handoffs = { "writer" } })
            return triage.run("a poem please")
            """,
            """
            agent.create({ name: "writer", provider: "openai", instructions: "You write poems.", description: "writes poems" });
            const triage = agent.create({ name: "triage", provider: "openai", instructions: "Route requests.", handoffs: ["writer"] });
            return await triage.run("a poem please");
            """,
            """
            agent := import("agent")
            agent.create({name: "writer", provider: "openai", instructions: "You write poems.", description: "writes poems"})
            triage := agent.create({name: "triage", provider: "openai", instructions: "Route requests.", handoffs: ["writer"]})
            export triage.run("a poem please")
            """);

        Assert.Equal(SpellValue.From("moon pulls the water"), outcome.Value);
        Assert.Equal(2, Server.Requests.Count);
        Assert.Contains("transfer_to_writer", Server.Requests[0].Body!["tools"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("You write poems.", (string?)Server.Requests[1].Body!["messages"]![0]!["content"]);
        Assert.Equal("write a haiku about tides", (string?)Server.Requests[1].Body!["messages"]![1]!["content"]);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task An_agent_can_be_another_agents_tool(string engine)
    {
        Server.Enqueue(FakeReply.CallTools(("r1", "researcher", "{\"input\":\"find the answer\"}")), FakeReply.Answer("it is 42"), FakeReply.Answer("Research says 42."));
        var outcome = await Run(engine,
            """
            agent.create({ name = "researcher", provider = "openai", description = "finds facts" })
            local boss = agent.create({ name = "boss", provider = "openai", tools = { "researcher" } })
            return boss.run("what is the answer?")
            """,
            """
            agent.create({ name: "researcher", provider: "openai", description: "finds facts" });
            const boss = agent.create({ name: "boss", provider: "openai", tools: ["researcher"] });
            return await boss.run("what is the answer?");
            """,
            """
            agent := import("agent")
            agent.create({name: "researcher", provider: "openai", description: "finds facts"})
            boss := agent.create({name: "boss", provider: "openai", tools: ["researcher"]})
            export boss.run("what is the answer?")
            """);

        Assert.Equal(SpellValue.From("Research says 42."), outcome.Value);
        Assert.Equal(3, Server.Requests.Count);
        Assert.Contains("finds facts", Server.Requests[0].Body!["tools"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("it is 42", Server.Requests[2].Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Streaming_agents_stream_the_final_answer_after_tool_turns(string engine)
    {
        Server.Enqueue(FakeReply.CallTools(("c1", "add", "{\"a\":20,\"b\":22}")), FakeReply.Answer("the sum is 42"));
        var outcome = await Run(engine,
            AddToolLua + "local a = agent.create({ name = 's', provider = 'openai', tools = { 'add' } })\nlocal chunks = {}\nlocal answer = a.stream('add', function(c) chunks[#chunks + 1] = c end)\nreturn { answer = answer, chunks = #chunks }",
            AddToolJs + "const a = agent.create({ name: 's', provider: 'openai', tools: ['add'] });\nconst chunks = [];\nconst answer = await a.stream('add', (c) => chunks.push(c));\nreturn { answer, chunks: chunks.length };",
            AddToolTengo + "a := agent.create({name: \"s\", provider: \"openai\", tools: [\"add\"]})\nchunks := 0\nanswer := a.stream(\"add\", func(c) { chunks++ })\nexport {answer: answer, chunks: chunks}");

        Assert.Equal(SpellJson.Parse("{\"answer\":\"the sum is 42\",\"chunks\":4}"), outcome.Value);
    }
}
