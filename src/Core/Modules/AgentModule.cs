using LlmSpell.Agents;
using LlmSpell.Api;
using LlmSpell.Values;

namespace LlmSpell.Modules;

/// <summary>
/// <c>agent.create/get/list</c>. An agent is a map { name, run(input, opts), stream(input, on_chunk, opts) };
/// opts.thread resumes and extends a conversation kept in the spell's state.
/// </summary>
public static class AgentModule
{
    private const string SpecHelp = "{ name, description, provider, model, instructions, tools, handoffs, max_turns, memory, temperature, max_tokens, token_budget, cost_budget }";

    private static readonly SpellParameter RunOptions = new("opts", SpellTypes.Map, "{ thread = id }", IsOptional: true);

    public static SpellModule Definition { get; } = new("agent", "Tool-calling agents with memory, handoffs and token budgets.",
    [
        new SpellFunction("create", "Create an agent for this run and return it: { name, run(input, opts), stream(input, on_chunk, opts) }.",
            [new("spec", SpellTypes.Map, SpecHelp)], SpellTypes.Map,
            call => ValueTask.FromResult<SpellValue>(Handle(call.Context.Agents.Add(new SpellAgent(AgentSpec.Parse((SpellMap)call[0])))))),
        new SpellFunction("get", "The agent of this run with that name.",
            [new("name", SpellTypes.String, "the agent's name")], SpellTypes.Map,
            call => ValueTask.FromResult<SpellValue>(Handle(call.Context.Agents.Get(call.GetString(0))))),
        new SpellFunction("list", "The names of this run's agents.",
            [], SpellTypes.List,
            call => ValueTask.FromResult<SpellValue>(new SpellList(call.Context.Agents.All.Select(a => SpellValue.From(a.Name))))),
    ]);

    private static SpellMap Handle(SpellAgent agent) => SpellValue.Map(
    [
        new("name", SpellValue.From(agent.Name)),
        new("run", new SpellHostFunction(new SpellModule("agent." + agent.Name, "", [new SpellFunction("run", $"Run agent '{agent.Name}' on an input; returns its answer.",
            [new("input", SpellTypes.String, "the request"), RunOptions], SpellTypes.String,
            async call => SpellValue.From(await agent.RunAsync(call.Context, call.GetString(0), Thread(call, 1), onChunk: null).ConfigureAwait(false)),
            isAsync: true)]).Functions[0])),
        new("stream", new SpellHostFunction(new SpellModule("agent." + agent.Name, "", [new SpellFunction("stream", $"Run agent '{agent.Name}', calling on_chunk(text) as the answer arrives; returns the answer.",
            [new("input", SpellTypes.String, "the request"), new("on_chunk", SpellTypes.Function, "function(chunk)"), RunOptions], SpellTypes.String,
            async call => SpellValue.From(await agent.RunAsync(call.Context, call.GetString(0), Thread(call, 2), call.GetCallback(1)).ConfigureAwait(false)),
            isAsync: true)]).Functions[0])),
    ]);

    private static string? Thread(SpellCall call, int index)
    {
        var options = call.GetOptions(index);
        options.RejectUnknown("thread");
        return options.GetString("thread");
    }
}
