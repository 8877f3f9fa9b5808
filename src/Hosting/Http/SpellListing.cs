using System.Text.Json;
using LlmSpell.Hosting.Spells;

namespace LlmSpell.Hosting.Http;

/// <summary>One served spell as <c>GET /api/spells</c> lists it.</summary>
internal static class SpellListing
{
    public static void Write(Utf8JsonWriter writer, DeployedSpell spell, string engine)
    {
        var manifest = spell.Manifest;
        writer.WriteStartObject();
        writer.WriteString("name", manifest.Name);
        writer.WriteString("description", manifest.Description);
        writer.WriteString("engine", engine);
        writer.WriteString("hash", spell.ContentHash);
        writer.WriteStartObject("triggers");
        writer.WriteBoolean("http", manifest.Triggers.Http);
        if (manifest.Triggers.Queue is { } queue)
        {
            writer.WriteString("queue", queue.QueueName);
        }
        if (manifest.Triggers.Schedule is { } schedule)
        {
            writer.WriteStartObject("schedule");
            writer.WriteString("cron", schedule.Cron);
            writer.WriteString("time_zone", schedule.TimeZone.Id);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WritePropertyName("input");
        if (manifest.Input is { } input)
        {
            input.Definition.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
        writer.WriteEndObject();
    }
}
