using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using LlmSpell.Hosting.Application;
using LlmSpell.Running;
using Microsoft.AspNetCore.Http;

namespace LlmSpell.Hosting.Http;

/// <summary>
/// A spell run as server-sent events while it runs: <c>output</c> for each printed line,
/// <c>chunk</c> for each <c>llm.stream</c> piece (a JSON string), then one <c>result</c> (the run
/// report) or <c>error</c> (the problem document). The spell's thread only queues events; the
/// request writes them, so a slow client never holds the sandbox.
/// </summary>
internal static class SpellEventStream
{
    public static async Task RunAsync(HttpContext http, SpellRunService runs, SpellScript script, SpellRunOptions options)
    {
        var events = Channel.CreateUnbounded<(string Name, string Data)>(new UnboundedChannelOptions { SingleReader = true });
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
        var writing = PumpAsync(http.Response, events.Reader, http.RequestAborted);
        SpellRunReport report;
        using (var output = new EventLineWriter(line => events.Writer.TryWrite(("output", line))))
        {
            report = await runs.RunAsync(script, options with
            {
                Output = output,
                OnStreamChunk = chunk => events.Writer.TryWrite(("chunk", JsonSerializer.Serialize(chunk))),
            }, http.RequestAborted).ConfigureAwait(false);
        }
        if (report.Result.Error is { } error)
        {
            events.Writer.TryWrite(("error", Encoding.UTF8.GetString(SpellProblem.ToJson(error, SpellProblem.StatusOf(error), report))));
        }
        else
        {
            events.Writer.TryWrite(("result", report.ToJson(indented: false)));
        }
        events.Writer.Complete();
        await writing.ConfigureAwait(false);
    }

    private static async Task PumpAsync(HttpResponse response, ChannelReader<(string Name, string Data)> events, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (name, data) in events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var text = new StringBuilder().Append("event: ").Append(name).Append('\n');
                foreach (var line in data.Split('\n'))
                {
                    text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
                }
                await response.WriteAsync(text.Append('\n').ToString(), cancellationToken).ConfigureAwait(false);
                await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The client left; the run is cancelled through the same token.
        }
    }

    /// <summary>Hands over each complete line the spell prints, and the unfinished rest at the end.</summary>
    private sealed class EventLineWriter(Action<string> onLine) : TextWriter
    {
        private readonly StringBuilder _line = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_line)
            {
                if (value == '\n')
                {
                    onLine(_line.ToString().TrimEnd('\r'));
                    _line.Clear();
                }
                else
                {
                    _line.Append(value);
                }
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "")
            {
                Write(c);
            }
        }

        protected override void Dispose(bool disposing)
        {
            lock (_line)
            {
                if (_line.Length > 0)
                {
                    onLine(_line.ToString());
                    _line.Clear();
                }
            }
            base.Dispose(disposing);
        }
    }
}
