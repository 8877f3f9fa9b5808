namespace LlmSpell.Llm;

/// <summary>Which model a spell gets when it names none.</summary>
public sealed record LlmOptions
{
    /// <summary>A provider name, or <c>provider/model</c>. When null, the first configured real provider, else <c>mock</c>.</summary>
    public string? DefaultModel { get; init; }
}
