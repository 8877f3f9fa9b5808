namespace LlmSpell.Llm;

/// <summary>Which model a spell gets when it names none, what models cost, and what telemetry may record.</summary>
public sealed record LlmOptions
{
    /// <summary>Prices for each run's cost and for cost budgets.</summary>
    public PriceTable Prices { get; init; } = PriceTable.Default;

    /// <summary>Put prompts and answers on the LLM spans (GenAI "sensitive data"); off unless the user opts in.</summary>
    public bool RecordPrompts { get; init; }

    /// <summary>A provider name, or <c>provider/model</c>. When null, the first configured real provider, else <c>mock</c>.</summary>
    public string? DefaultModel { get; init; }
}
