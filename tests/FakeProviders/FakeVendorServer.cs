using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LlmSpell.FakeProviders;

/// <summary>A request as the fake server received it, for tests to assert on what the client sent.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, JsonNode? Body);

/// <summary>
/// A local HTTP server on a free loopback port that speaks one LLM vendor's wire format. Tests queue
/// replies; with none queued it answers "fake: " plus the last user message. Every request is kept.
/// </summary>
public abstract class FakeVendorServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeReply> _replies = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private LoopbackServer? _server;

    /// <summary>Where clients point their base URL, ending in '/'.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Answers requests when no reply is queued (benchmarks need endless replies); null echoes.</summary>
    public Func<JsonNode, FakeReply>? Responder { get; set; }

    /// <summary>Whether requests are kept; benchmarks send millions and turn this off.</summary>
    public bool KeepRequests { get; set; } = true;

    /// <summary>How long the server thinks before it answers each request, as a model does.</summary>
    public TimeSpan Latency { get; set; }

    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }
    }

    protected async Task ListenAsync()
    {
        _server = await LoopbackServer.StartAsync(MapRoutes);
        BaseUrl = new Uri(_server.Address.AbsoluteUri.TrimEnd('/') + BasePath);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The path prefix under the host that the vendor's base URL includes, e.g. "/v1/".</summary>
    protected abstract string BasePath { get; }

    protected abstract void MapRoutes(WebApplication app);

    /// <summary>Records the request and takes the next reply (or the default echo).</summary>
    protected async Task<(JsonNode Body, FakeReply Reply)> ReceiveAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) ?? new JsonObject();
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, context.RequestAborted);
        }

        if (KeepRequests)
        {
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, headers, body));
        }

        return (body, _replies.TryDequeue(out var reply) ? reply : Responder?.Invoke(body) ?? FakeReply.Answer("fake: " + LastUserText(body)));
    }

    protected void RecordBodiless(HttpContext context) =>
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), null));

    /// <summary>The text of the last user message, whatever the vendor's content shape (string or parts).</summary>
    protected static string LastUserText(JsonNode body)
    {
        var last = body["messages"]?.AsArray().LastOrDefault(m => (string?)m?["role"] == "user");
        return last?["content"] switch
        {
            JsonValue value => (string?)value ?? "",
            JsonArray parts => string.Concat(parts.Select(p => (string?)p?["text"] ?? "")),
            _ => "",
        };
    }

    protected static async Task WriteRawAsync(HttpContext context, RawReply raw)
    {
        context.Response.StatusCode = raw.Status;
        context.Response.ContentType = raw.ContentType;
        await context.Response.WriteAsync(raw.Body);
    }

    protected static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body, int? retryAfterSeconds = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>Server-sent events: each item is one "event:"/"data:" block.</summary>
    protected static async Task WriteEventsAsync(HttpContext context, IEnumerable<(string? Event, string Data)> events)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        foreach (var (name, data) in events)
        {
            var block = (name is null ? "" : $"event: {name}\n") + $"data: {data}\n\n";
            await context.Response.WriteAsync(block);
            await context.Response.Body.FlushAsync();
        }
    }
}
