using System.Text.Json;
using LlmSpell.Orchestrations.History;

namespace LlmSpell.Orchestrations.Storage;

/// <summary>How providers write events: JSON with a "type" discriminator, stable across versions.</summary>
public static class HistorySerializer
{
    public static string Serialize(HistoryEvent historyEvent) =>
        JsonSerializer.Serialize(historyEvent, DataConverter.Options);

    public static HistoryEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<HistoryEvent>(json, DataConverter.Options)
        ?? throw new JsonException("A stored history event is null.");

    public static string Serialize(FailureDetails failure) => JsonSerializer.Serialize(failure, DataConverter.Options);

    public static FailureDetails? DeserializeFailure(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<FailureDetails>(json, DataConverter.Options);
}
