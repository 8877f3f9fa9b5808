using System.Buffers;
using System.Text;
using System.Text.Json;
using LlmSpell.Errors;

namespace LlmSpell.Values;

/// <summary>
/// JSON for spell values, shared by the <c>json</c> module, the state stores and the CLI so that
/// every place writes the same text for the same value.
/// </summary>
/// <remarks>
/// Integers stay exact (64-bit); numbers with a fraction or an exponent, or too large for 64 bits,
/// become floats. Bytes are written as base64 strings (JSON has no bytes); a function cannot be
/// written at all.
/// </remarks>
public static class SpellJson
{
    private static readonly JsonWriterOptions CompactWriter = new() { Indented = false, SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions IndentedWriter = CompactWriter with { Indented = true };
    private static readonly JsonReaderOptions Reader = new() { MaxDepth = SpellValue.MaxDepth, CommentHandling = JsonCommentHandling.Disallow };

    public static string Serialize(SpellValue value, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(buffer, value, indented);
        return UnescapeSurrogatePairs(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>
    /// System.Text.Json escapes every character outside the Basic Multilingual Plane, whatever the
    /// encoder, so an emoji in an LLM answer would print as <c>\uD83C\uDF89</c>. The escape and the
    /// character mean the same JSON; people should see the character.
    /// </summary>
    internal static string UnescapeSurrogatePairs(string json)
    {
        if (!json.Contains("\\uD", StringComparison.OrdinalIgnoreCase))
        {
            return json;
        }

        var builder = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != '\\')
            {
                builder.Append(json[i]);
                continue;
            }

            // Every backslash starts an escape; only \uHHHH\uHHHH forming a surrogate pair is rewritten.
            if (i + 11 < json.Length && json[i + 1] == 'u' && json[i + 6] == '\\' && json[i + 7] == 'u'
                && ushort.TryParse(json.AsSpan(i + 2, 4), System.Globalization.NumberStyles.HexNumber, null, out var high)
                && ushort.TryParse(json.AsSpan(i + 8, 4), System.Globalization.NumberStyles.HexNumber, null, out var low)
                && char.IsHighSurrogate((char)high) && char.IsLowSurrogate((char)low))
            {
                builder.Append((char)high).Append((char)low);
                i += 11;
            }
            else
            {
                builder.Append(json[i]).Append(json[i + 1]);
                i++;
            }
        }

        return builder.ToString();
    }

    /// <summary>The value as a <see cref="JsonElement"/>, for APIs that take JSON (MEAI, MCP, payload records).</summary>
    public static JsonElement ToElement(SpellValue value)
    {
        using var document = JsonDocument.Parse(Serialize(value));
        return document.RootElement.Clone();
    }

    public static void Write(IBufferWriter<byte> output, SpellValue value, bool indented = false)
    {
        using var writer = new Utf8JsonWriter(output, indented ? IndentedWriter : CompactWriter);
        Write(writer, value, 0);
    }

    public static void Write(Utf8JsonWriter writer, SpellValue value) => Write(writer, value, 0);

    /// <exception cref="SpellException">With code <c>invalid_json</c>, naming the line and column of the fault.</exception>
    public static SpellValue Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    public static SpellValue Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, Reader);
        try
        {
            if (!reader.Read())
            {
                throw new SpellException(SpellErrorCode.InvalidJson, "invalid JSON: the text is empty");
            }

            var value = ReadValue(ref reader);
            if (reader.Read())
            {
                throw new SpellException(SpellErrorCode.InvalidJson, $"invalid JSON: unexpected text after the value at line {LineOf(utf8Json, (int)reader.TokenStartIndex)}");
            }

            return value;
        }
        catch (InvalidOperationException ex)
        {
            // The reader throws this, not JsonException, for text it cannot decode (a lone surrogate escape).
            throw new SpellException(SpellErrorCode.InvalidJson, $"invalid JSON: {ex.Message}");
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new SpellException(SpellErrorCode.InvalidJson, $"invalid JSON at line {line}, column {column}: {FirstSentence(ex.Message)}");
        }
    }

    private static int LineOf(ReadOnlySpan<byte> text, int offset) => text[..offset].Count((byte)'\n') + 1;

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends its own zero-based position and path; ours is already in front.
        foreach (var marker in new[] { " LineNumber:", " Path:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message;
    }

    private static SpellValue ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return SpellValue.Null;
            case JsonTokenType.True:
                return SpellValue.True;
            case JsonTokenType.False:
                return SpellValue.False;
            case JsonTokenType.String:
                return new SpellString(reader.GetString()!);
            case JsonTokenType.Number:
                return ReadNumber(ref reader);
            case JsonTokenType.StartArray:
                var items = new List<SpellValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }

                return new SpellList(items);
            case JsonTokenType.StartObject:
                var entries = new List<KeyValuePair<string, SpellValue>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    entries.Add(new(key, ReadValue(ref reader)));
                }

                return new SpellMap(entries);
            default:
                throw new SpellException(SpellErrorCode.InvalidJson, $"invalid JSON: unexpected {reader.TokenType}");
        }
    }

    private static SpellValue ReadNumber(ref Utf8JsonReader reader)
    {
        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        var looksIntegral = raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;
        if (looksIntegral && reader.TryGetInt64(out var integer))
        {
            return new SpellInt(integer);
        }

        return new SpellFloat(reader.GetDouble());
    }

    private static void Write(Utf8JsonWriter writer, SpellValue value, int depth)
    {
        if (depth > SpellValue.MaxDepth)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"value nests deeper than {SpellValue.MaxDepth} levels");
        }

        switch (value)
        {
            case SpellNull:
                writer.WriteNullValue();
                break;
            case SpellBool b:
                writer.WriteBooleanValue(b.Value);
                break;
            case SpellInt i:
                writer.WriteNumberValue(i.Value);
                break;
            case SpellFloat f:
                if (double.IsFinite(f.Value))
                {
                    writer.WriteNumberValue(f.Value);
                }
                else
                {
                    // JSON has no NaN or infinity; null is what JSON.stringify writes for them too.
                    writer.WriteNullValue();
                }

                break;
            case SpellString s:
                writer.WriteStringValue(s.Value);
                break;
            case SpellBytes bytes:
                writer.WriteBase64StringValue(bytes.Value.Span);
                break;
            case SpellList list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            case SpellMap map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case SpellCallback or SpellHostFunction:
                throw new SpellException(SpellErrorCode.BadArgument, "a function cannot be converted to JSON");
            default:
                throw new InvalidOperationException($"unknown spell value {value.GetType().Name}");
        }
    }
}
