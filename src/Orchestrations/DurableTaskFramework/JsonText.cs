namespace LlmSpell.Orchestrations.DurableTaskFramework;

/// <summary>A payload that is JSON text already, written by our <see cref="Orchestrations.DataConverter"/>.</summary>
internal sealed record JsonText(string? Json);
