using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LlmSpell.Errors;

namespace LlmSpell.Providers.Recording;

/// <summary>
/// Answers every request from a recording and sends nothing to the network. A request must match a
/// recorded one exactly (method, path and body); repeated identical requests get their answers in
/// recorded order. Anything else fails, naming the request, so a changed spell cannot pass silently.
/// </summary>
public sealed class ReplayHandler : HttpMessageHandler
{
    private readonly string _path;
    private readonly Dictionary<string, Queue<RecordedExchange>> _answers;

    public ReplayHandler(string path)
    {
        _path = path;
        if (!File.Exists(path))
        {
            throw new SpellException(SpellErrorCode.NotFound, $"recording not found: {path}");
        }

        var exchanges = new List<RecordedExchange>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0) continue;
            try
            {
                exchanges.Add(JsonSerializer.Deserialize<RecordedExchange>(line, RecordingJson.Options) ?? throw new JsonException("empty line"));
            }
            catch (JsonException ex)
            {
                throw new SpellException(SpellErrorCode.BadArgument, $"{path}:{lineNumber}: not a recorded exchange ({ex.Message})");
            }
        }

        _answers = exchanges.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new Queue<RecordedExchange>(g), StringComparer.Ordinal);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var key = new RecordedExchange(request.Method.Method, request.RequestUri?.PathAndQuery ?? "", body, 0, null, "").Key;
        RecordedExchange? answer;
        lock (_answers)
        {
            answer = _answers.TryGetValue(key, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
        }

        if (answer is null)
        {
            var shown = body.Length > 200 ? body[..200] + "…" : body;
            throw new SpellException(SpellErrorCode.LlmError, $"replay: {_path} has no recorded answer for {request.Method} {request.RequestUri?.PathAndQuery} with body {shown}");
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(answer.ResponseBody));
        if (answer.ContentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(answer.ContentType);
        }

        return new HttpResponseMessage((System.Net.HttpStatusCode)answer.Status) { Content = content, RequestMessage = request };
    }
}
