using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using LlmSpell.Hosting;
using LlmSpell.Engines.Lua;
using LlmSpell.FakeProviders;
using LlmSpell.Llm;
using LlmSpell.Providers;
using LlmSpell.Running;
using LlmSpell.State;
using LlmSpell.Values;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LlmSpell.Benchmarks;

/// <summary>
/// One agent run with one tool-calling turn (model asks for a tool, the tool runs, the model answers)
/// against the same local fake OpenAI server: through a Lua spell, through our agent from C#, and
/// through Microsoft.Agents.AI. All three pay the same HTTP; the differences are host overhead.
/// </summary>
[MemoryDiagnoser]
public class AgentTurnBenchmarks
{
    private OpenAiCompatibleServer _server = null!;
    private ServiceProvider _services = null!;
    private SpellHost _host = null!;
    private LuaEngine _lua = null!;
    private SpellScript _spell = null!;
    private AIAgent _agentFramework = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = OpenAiCompatibleServer.StartAsync().GetAwaiter().GetResult();
        _server.KeepRequests = false;
        // Endless script: a fresh question gets a tool call; a tool result gets the answer.
        _server.Responder = body => body["messages"]!.AsArray().Any(m => (string?)m!["role"] == "tool")
            ? FakeReply.Answer("the sum is 5")
            : FakeReply.CallTools(("call_1", "add", "{\"a\":2,\"b\":3}"));
        _services = BenchHosts.OnOpenAi(_server.BaseUrl, spell => spell.AddLua().AddLlmProviders());
        _host = _services.GetRequiredService<SpellHost>();
        var providers = _host.Llm.Providers;
        _lua = new LuaEngine();
        _spell = new SpellScript("agent.lua", """
            tools.register({ name = "add", parameters = { type = "object", properties = { a = { type = "integer" }, b = { type = "integer" } }, required = { "a", "b" } },
              handler = function(args) return args.a + args.b end })
            return agent.create({ name = "adder", instructions = "Add.", tools = { "add" } }).run("add 2 and 3")
            """);
        var add = AIFunctionFactory.Create((int a, int b) => a + b, "add");
        _agentFramework = new ChatClientAgent(providers[0].GetChatClient("gpt-4o-mini"), instructions: "Add.", name: "adder", tools: [add]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The whole spell: sandbox, tool registration, agent, tool callback into Lua.</summary>
    [Benchmark]
    public SpellValue LlmSpellLuaSpell()
    {
        var context = new SpellContext(_host, _spell, SpellMap.Empty, SandboxLimits.Default, new SpellOutput(TextWriter.Null, 1 << 20), "bench", CancellationToken.None, CancellationToken.None);
        return _lua.Execute(_spell, context);
    }

    /// <summary>Our agent driven from C#, with a host tool: the agent loop without a script engine.</summary>
    [Benchmark]
    public async Task<string> LlmSpellAgentFromCSharp()
    {
        var context = SpellContext.ForToolCall(_host, "bench", CancellationToken.None);
        var agent = new Agents.SpellAgent(Agents.AgentSpec.Parse((SpellMap)SpellJson.Parse("{\"name\":\"adder\",\"instructions\":\"Add.\",\"tools\":[\"calculator\"]}")));
        context.Agents.Add(agent);
        return await agent.RunAsync(context, "add 2 and 3", thread: null, onChunk: null);
    }

    [Benchmark(Baseline = true)]
    public async Task<string> MicrosoftAgentsAI() => (await _agentFramework.RunAsync("add 2 and 3")).Text;
}
