using System.Text.Json;
using LlmSpell.Values;

namespace LlmSpell.Orchestrations.Workflows;

/// <summary>Spell values cross the durable boundary as JSON elements, embedded in the request records.</summary>
internal static class SpellValues
{
    public static SpellValue FromJson(JsonElement element) =>
        element.ValueKind == JsonValueKind.Undefined ? SpellValue.Null : SpellJson.Parse(element.GetRawText());
}
