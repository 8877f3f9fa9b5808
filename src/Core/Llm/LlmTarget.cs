namespace LlmSpell.Llm;

/// <summary>A resolved provider and model for one call.</summary>
public sealed record LlmTarget(ILlmProvider Provider, string Model)
{
    public override string ToString() => $"{Provider.Name}/{Model}";
}
