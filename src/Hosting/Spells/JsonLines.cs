using System.Text;
using System.Text.Json;

namespace LlmSpell.Hosting.Spells;

/// <summary>
/// The line of every property in a JSON text, by path (<c>triggers.schedule.cron</c>), so a message
/// about a value can say file:line although <see cref="JsonDocument"/> keeps no positions.
/// </summary>
internal sealed class JsonLines
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLines() { }

    public static JsonLines Index(string text, JsonReaderOptions options)
    {
        var index = new JsonLines();
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, options);
        var path = new List<string>();
        var lineStarts = new List<long> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }
        string? pending = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pending = reader.GetString()!;
                    var line = LineOf(lineStarts, reader.TokenStartIndex);
                    index._lines.TryAdd(string.Join('.', path.Append(pending)), line);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    path.Add(pending ?? "");
                    pending = null;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    break;
                default:
                    pending = null;
                    break;
            }
        }
        return index;
    }

    /// <summary>The line of <paramref name="path"/> or of its nearest parent that has one; 1 for the root.</summary>
    public int LineOf(string path)
    {
        for (var current = "." + path; ; current = current[..current.LastIndexOf('.')])
        {
            if (_lines.TryGetValue(current, out var line))
            {
                return line;
            }
            if (current.LastIndexOf('.') <= 0)
            {
                return 1;
            }
        }
    }

    private static int LineOf(List<long> lineStarts, long offset)
    {
        var found = lineStarts.BinarySearch(offset);
        return (found >= 0 ? found : ~found - 1) + 1;
    }
}
