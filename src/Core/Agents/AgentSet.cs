using LlmSpell.Errors;

namespace LlmSpell.Agents;

/// <summary>The agents a run has created, by name.</summary>
public sealed class AgentSet
{
    private readonly Dictionary<string, SpellAgent> _agents = new(StringComparer.Ordinal);

    public IEnumerable<SpellAgent> All => _agents.Values;

    public SpellAgent Add(SpellAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!_agents.TryAdd(agent.Name, agent))
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"an agent named '{agent.Name}' already exists");
        }

        return agent;
    }

    public SpellAgent? Find(string name) => _agents.GetValueOrDefault(name);

    public SpellAgent Get(string name) =>
        Find(name) ?? throw new SpellException(SpellErrorCode.NotFound, $"no agent named '{name}' (agents: {string.Join(", ", _agents.Keys)})");
}
