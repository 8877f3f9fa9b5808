using System.Text.Json;

namespace LlmSpell.Orchestrations;

/// <summary>
/// Inputs, outputs and event payloads cross storage as JSON text. One place decides the format so
/// the client, the orchestrators and the activities always agree.
/// </summary>
public static class DataConverter
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    public static T? Deserialize<T>(string? json) =>
        json is null ? default : JsonSerializer.Deserialize<T>(json, Options);
}
