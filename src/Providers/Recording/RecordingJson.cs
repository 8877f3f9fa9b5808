using System.Text.Json;

namespace LlmSpell.Providers.Recording;

internal static class RecordingJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
