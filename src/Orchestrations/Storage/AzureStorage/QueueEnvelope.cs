using System.Text.Json.Serialization;

namespace LlmSpell.Orchestrations.Storage.AzureStorage;

/// <summary>
/// A queue message: the target instance, its generation, when it is due, and the event, inline or
/// (when too big for a queue message) in a blob.
/// </summary>
internal sealed record QueueEnvelope(
    [property: JsonPropertyName("i")] string InstanceId,
    [property: JsonPropertyName("x")] string? ExecutionId,
    [property: JsonPropertyName("t")] DateTime? VisibleAt,
    [property: JsonPropertyName("e")] string? Event,
    [property: JsonPropertyName("b")] string? EventBlob);
