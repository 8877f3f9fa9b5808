using System.Text.Json;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Hosting.Application;

/// <summary>
/// A finished run as programs read it — what <c>llmspell run --json</c> prints and an HTTP host
/// returns: ok, result, error (code, message, file, line), printed output, events emitted, usage, engine, time.
/// </summary>
public sealed record SpellRunReport(SpellRunResult Result, string Output)
{
    public ErrorCategory? Category => Result.Error is { } error ? ErrorCategories.Of(error) : null;

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteBoolean("ok", Result.Succeeded);
        writer.WritePropertyName("result");
        SpellJson.Write(writer, Result.Value);
        writer.WritePropertyName("error");
        if (Result.Error is { } error)
        {
            writer.WriteStartObject();
            writer.WriteString("code", error.Code);
            writer.WriteString("message", error.Message);
            if (error.Location is { } location)
            {
                writer.WriteString("file", location.File);
                writer.WriteNumber("line", location.Line);
            }

            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteString("output", Output);
        writer.WritePropertyName("events");
        writer.WriteStartArray();
        foreach (var spellEvent in Result.Events)
        {
            SpellJson.Write(writer, spellEvent.ToValue());
        }

        writer.WriteEndArray();
        if (Result.EventsDropped > 0)
        {
            writer.WriteNumber("events_dropped", Result.EventsDropped);
        }

        writer.WritePropertyName("usage");
        SpellJson.Write(writer, Result.Usage.ToValue());
        writer.WriteString("engine", Result.Engine);
        writer.WriteNumber("elapsed_ms", Math.Round(Result.Elapsed.TotalMilliseconds, 1));
        writer.WriteEndObject();
    }

    public string ToJson(bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
