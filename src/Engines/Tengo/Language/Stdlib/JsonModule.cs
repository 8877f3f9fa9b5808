using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LlmSpell.Engines.Tengo.Language.Stdlib;

/// <summary>json: decode (string or bytes to values), encode and indent (to bytes, as Tengo's do), html_escape.</summary>
internal static class JsonModule
{
    private const int MaxDepth = 128;

    public static TengoMap Create() => new ModuleBuilder("json")
        .Function("decode", (vm, a) =>
        {
            Arguments.Count(a, 1);
            var bytes = Arguments.Bytes(a, 0);
            try
            {
                using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth });
                return FromJson(vm, document.RootElement);
            }
            catch (JsonException ex)
            {
                return Failure(ex);
            }
        })
        .Function("encode", (vm, a) =>
        {
            Arguments.Count(a, 1);
            var (bytes, failure) = Encode(vm, a[0], indent: false);
            return bytes is not null ? vm.NewBytes(bytes) : new TengoError(new TengoString(failure!));
        })
        .Function("indent", (vm, a) =>
        {
            Arguments.Count(a, 3);
            var (prefix, indent) = (Arguments.String(a, 1), Arguments.String(a, 2));
            try
            {
                using var document = JsonDocument.Parse(Arguments.Bytes(a, 0));
                var text = Indent(document.RootElement, prefix, indent);
                return vm.NewBytes(Encoding.UTF8.GetBytes(text));
            }
            catch (JsonException ex)
            {
                return Failure(ex);
            }
        })
        .Function("html_escape", (vm, a) =>
        {
            Arguments.Count(a, 1);
            var text = Encoding.UTF8.GetString(Arguments.Bytes(a, 0));
            var escaped = new StringBuilder();
            foreach (var c in text)
            {
                escaped.Append(c switch { '<' => "\\u003c", '>' => "\\u003e", '&' => "\\u0026", '\u2028' => "\\u2028", '\u2029' => "\\u2029", _ => c.ToString() });
            }

            return vm.NewBytes(Encoding.UTF8.GetBytes(escaped.ToString()));
        })
        .Build();

    // .NET's message names the line and byte in its own words; the error says them once, plainly.
    private static TengoError Failure(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut];
        var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
        return new TengoError(new TengoString("json: " + message + where));
    }

    public static TengoObject FromJson(TengoVm vm, JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => vm.NewMap(element.EnumerateObject().GroupBy(p => p.Name).ToDictionary(g => g.Key, g => FromJson(vm, g.Last().Value), StringComparer.Ordinal)),
        JsonValueKind.Array => vm.NewArray(element.EnumerateArray().Select(e => FromJson(vm, e)).ToList()),
        JsonValueKind.String => vm.NewString(element.GetString()!),
        // Whole numbers stay ints, so decoded counts and ids work with int arithmetic and indexing.
        JsonValueKind.Number => element.TryGetInt64(out var i) && !element.GetRawText().Contains('.', StringComparison.Ordinal) && !element.GetRawText().Contains('e', StringComparison.OrdinalIgnoreCase)
            ? TengoInt.From(i)
            : new TengoFloat(element.GetDouble()),
        JsonValueKind.True => TengoBool.True,
        JsonValueKind.False => TengoBool.False,
        _ => TengoUndefined.Instance,
    };

    /// <summary>The value as JSON bytes, or why it cannot be written.</summary>
    public static (byte[]? Bytes, string? Failure) Encode(TengoVm vm, TengoObject value, bool indent)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indent, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxDepth + 1 }))
        {
            if (Write(writer, value, 0) is { } failure)
            {
                return (null, failure);
            }
        }

        vm.CheckSize(stream.Length, "json.encode result");
        return (stream.ToArray(), null);
    }

    private static string? Write(Utf8JsonWriter writer, TengoObject value, int depth)
    {
        if (depth > MaxDepth) return $"json: the value nests deeper than {MaxDepth} levels (is it cyclic?)";
        switch (value)
        {
            case TengoInt i: writer.WriteNumberValue(i.Value); return null;
            case TengoFloat f when double.IsFinite(f.Value): writer.WriteNumberValue(f.Value); return null;
            case TengoFloat f: return $"json: unsupported value: {f}";
            case TengoBool b: writer.WriteBooleanValue(b.Value); return null;
            case TengoString s: writer.WriteStringValue(s.Value); return null;
            case TengoChar c: writer.WriteNumberValue(c.Value); return null;
            case TengoBytes bytes: writer.WriteBase64StringValue(bytes.Value); return null;
            case TengoTime t: writer.WriteStringValue(t.ToRfc3339Nano()); return null;
            case TengoUndefined: writer.WriteNullValue(); return null;
            case TengoError e: return Write(writer, e.Value, depth + 1);
            case TengoArray array:
                writer.WriteStartArray();
                foreach (var item in array.AsSpan())
                {
                    if (Write(writer, item, depth + 1) is { } failure) return failure;
                }

                writer.WriteEndArray();
                return null;
            case TengoMap map:
                writer.WriteStartObject();
                foreach (var (key, item) in map.Entries)
                {
                    writer.WritePropertyName(key);
                    if (Write(writer, item, depth + 1) is { } failure) return failure;
                }

                writer.WriteEndObject();
                return null;
            default:
                return $"json: unsupported type: {value.TypeName}";
        }
    }

    private static string Indent(JsonElement element, string prefix, string indent)
    {
        var builder = new StringBuilder();
        void Append(JsonElement e, int level)
        {
            string Pad(int l) => "\n" + prefix + string.Concat(Enumerable.Repeat(indent, l));
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    var properties = e.EnumerateObject().ToList();
                    if (properties.Count == 0)
                    {
                        builder.Append("{}");
                        return;
                    }

                    builder.Append('{');
                    for (var i = 0; i < properties.Count; i++)
                    {
                        builder.Append(Pad(level + 1)).Append('"').Append(JsonEncodedText.Encode(properties[i].Name).Value).Append("\": ");
                        Append(properties[i].Value, level + 1);
                        if (i < properties.Count - 1) builder.Append(',');
                    }

                    builder.Append(Pad(level)).Append('}');
                    return;
                case JsonValueKind.Array:
                    var items = e.EnumerateArray().ToList();
                    if (items.Count == 0)
                    {
                        builder.Append("[]");
                        return;
                    }

                    builder.Append('[');
                    for (var i = 0; i < items.Count; i++)
                    {
                        builder.Append(Pad(level + 1));
                        Append(items[i], level + 1);
                        if (i < items.Count - 1) builder.Append(',');
                    }

                    builder.Append(Pad(level)).Append(']');
                    return;
                default:
                    builder.Append(e.GetRawText());
                    return;
            }
        }

        Append(element, 0);
        return builder.ToString();
    }
}
