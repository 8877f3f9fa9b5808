using LlmSpell.Api;
using LlmSpell.Errors;
using LlmSpell.Llm;
using LlmSpell.Values;

namespace LlmSpell.Agents;

/// <summary>What <c>agent.create{…}</c> asked for, checked field by field.</summary>
public sealed record AgentSpec
{
    private static readonly string[] Known = ["name", "description", "provider", "model", "instructions", "tools", "handoffs", "max_turns", "memory", "temperature", "max_tokens", "token_budget", "cost_budget"];

    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public string? Provider { get; init; }

    public string? Model { get; init; }

    public string Instructions { get; init; } = "";

    /// <summary>Tool names, agent names, or inline tool specs.</summary>
    public IReadOnlyList<SpellValue> Tools { get; init; } = [];

    /// <summary>Agents this one may hand the conversation to.</summary>
    public IReadOnlyList<string> Handoffs { get; init; } = [];

    public int MaxTurns { get; init; } = 8;

    /// <summary>Keep the conversation between runs (in this run; persisted when a thread id is given).</summary>
    public bool Memory { get; init; }

    public double? Temperature { get; init; }

    public int? MaxTokens { get; init; }

    /// <summary>Tokens this agent may use in all, across its runs in one spell run.</summary>
    public long? TokenBudget { get; init; }

    /// <summary>US dollars the agent may spend over the run, by the price table.</summary>
    public decimal? CostBudget { get; init; }

    public static AgentSpec Parse(SpellMap spec)
    {
        var options = new SpellOptions("agent.create", spec);
        options.RejectUnknown(Known);
        var name = options.GetString("name");
        if (string.IsNullOrWhiteSpace(name) || !System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z0-9_-]{1,64}$"))
        {
            throw new SpellException(SpellErrorCode.BadArgument, "agent.create: 'name' must be 1 to 64 letters, digits, '_' or '-'");
        }

        var handoffList = options.GetList("handoffs", "a list of agent names") ?? SpellList.Empty;
        if (handoffList.Any(v => v is not SpellString))
        {
            throw new SpellException(SpellErrorCode.BadArgument, "agent.create: option 'handoffs' must be a list of agent names");
        }

        var handoffs = handoffList.Select(v => ((SpellString)v).Value).ToList();
        var tools = (options.GetList("tools", "a list of tool names, agent names or tool specs") ?? SpellList.Empty).ToList();
        var temperature = options.GetNumber("temperature");
        if (temperature is < 0 or > 2)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"agent.create: 'temperature' must be between 0 and 2, got {temperature}");
        }

        return new AgentSpec
        {
            Name = name,
            Description = options.GetString("description") ?? "",
            Provider = options.GetString("provider"),
            Model = options.GetString("model"),
            Instructions = options.GetString("instructions") ?? "",
            Tools = tools,
            Handoffs = handoffs,
            MaxTurns = options.GetInt("max_turns", 1, 100) ?? 8,
            Memory = options.GetBool("memory") ?? false,
            Temperature = temperature,
            MaxTokens = options.GetInt("max_tokens", 1, 10_000_000),
            TokenBudget = options.GetInt("token_budget", 1, int.MaxValue),
            CostBudget = options.GetNumber("cost_budget") is { } cost ? UsageBudget.CostLimit(cost, "agent.create: 'cost_budget'") : null,
        };
    }
}
