namespace LlmSpell.Api;

/// <summary>One parameter of an API function. Optional parameters receive null when the script omits them.</summary>
public sealed record SpellParameter(string Name, SpellTypes Types, string Description, bool IsOptional = false);
