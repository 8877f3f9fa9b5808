using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;

namespace LlmSpell.Testing;

/// <summary>
/// An OTLP/HTTP collector on a free loopback port that decodes the protobuf trace exports it is sent
/// (<c>POST /v1/traces</c>, ExportTraceServiceRequest) into <see cref="Spans"/>. Metrics and logs are
/// accepted and dropped. Only the fields the tests read are decoded; the rest are skipped by wire type.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<OtlpSpan> _spans = new();
    private readonly Task _loop;

    public OtlpReceiver()
    {
        var port = LoopbackPorts.Free();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<OtlpSpan> Spans => [.. _spans];

    /// <summary>Waits until <paramref name="done"/> holds of the spans received, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<OtlpSpan>> WaitForAsync(Func<IReadOnlyList<OtlpSpan>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done(Spans))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the spans expected did not arrive; received: {string.Join(", ", Spans.Select(s => s.Name))}");
            }
            await Task.Delay(100);
        }
        return Spans;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            if (context.Request.Url?.AbsolutePath == "/v1/traces")
            {
                foreach (var span in Decode(body.ToArray()))
                {
                    _spans.Enqueue(span);
                }
            }
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1 }
    private static List<OtlpSpan> Decode(byte[] request)
    {
        var spans = new List<OtlpSpan>();
        foreach (var resourceSpans in Repeated(request, 1))
        {
            // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2 }
            var resource = Repeated(resourceSpans, 1).Select(r => Attributes(r, 1)).FirstOrDefault() ?? [];
            var service = resource.GetValueOrDefault("service.name") as string;
            foreach (var scopeSpans in Repeated(resourceSpans, 2))
            {
                // ScopeSpans { InstrumentationScope scope = 1 (name = 1); repeated Span spans = 2 }
                var scope = Repeated(scopeSpans, 1).Select(s => Strings(s, 1).FirstOrDefault()).FirstOrDefault() ?? "";
                spans.AddRange(Repeated(scopeSpans, 2).Select(span => Span(span, scope, service)));
            }
        }
        return spans;
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6;
    //        fixed64 start = 7; fixed64 end = 8; repeated KeyValue attributes = 9; Status status = 15 (code = 3) }
    private static OtlpSpan Span(byte[] span, string scope, string? service)
    {
        string traceId = "", spanId = "", parentId = "", name = "";
        int kind = 0, status = 0;
        ulong start = 0, end = 0;
        var input = new CodedInputStream(span);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: traceId = Convert.ToHexStringLower(input.ReadBytes().ToByteArray()); break;
                case 2: spanId = Convert.ToHexStringLower(input.ReadBytes().ToByteArray()); break;
                case 4: parentId = Convert.ToHexStringLower(input.ReadBytes().ToByteArray()); break;
                case 5: name = input.ReadString(); break;
                case 6: kind = input.ReadEnum(); break;
                case 7: start = input.ReadFixed64(); break;
                case 8: end = input.ReadFixed64(); break;
                case 15: status = StatusCode(input.ReadBytes().ToByteArray()); break;
                default: input.SkipLastField(); break;
            }
        }
        return new OtlpSpan(traceId, spanId, parentId, name, (OtlpSpanKind)kind, scope, service, Attributes(span, 9), status == 2, start, end);
    }

    private static int StatusCode(byte[] status)
    {
        var input = new CodedInputStream(status);
        uint tag;
        var code = 0;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 3)
            {
                code = input.ReadEnum();
            }
            else
            {
                input.SkipLastField();
            }
        }
        return code;
    }

    // KeyValue { string key = 1; AnyValue value = 2 }, AnyValue { string = 1; bool = 2; int64 = 3; double = 4 }
    private static Dictionary<string, object?> Attributes(byte[] message, int field)
    {
        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in Repeated(message, field))
        {
            var key = Strings(pair, 1).FirstOrDefault() ?? "";
            object? value = null;
            foreach (var any in Repeated(pair, 2))
            {
                var input = new CodedInputStream(any);
                uint tag;
                while ((tag = input.ReadTag()) != 0)
                {
                    value = WireFormat.GetTagFieldNumber(tag) switch
                    {
                        1 => input.ReadString(),
                        2 => input.ReadBool(),
                        3 => input.ReadInt64(),
                        4 => input.ReadDouble(),
                        _ => Skip(input),
                    };
                }
            }
            attributes[key] = value;
        }
        return attributes;
    }

    private static object? Skip(CodedInputStream input)
    {
        input.SkipLastField();
        return null;
    }

    /// <summary>The embedded messages of a repeated message field.</summary>
    private static List<byte[]> Repeated(byte[] message, int field)
    {
        var found = new List<byte[]>();
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == field && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                found.Add(input.ReadBytes().ToByteArray());
            }
            else
            {
                input.SkipLastField();
            }
        }
        return found;
    }

    private static IEnumerable<string> Strings(byte[] message, int field) =>
        Repeated(message, field).Select(bytes => System.Text.Encoding.UTF8.GetString(bytes));

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }
}

public enum OtlpSpanKind
{
    Unspecified,
    Internal,
    Server,
    Client,
    Producer,
    Consumer,
}

/// <summary>One span as an OTLP exporter sent it.</summary>
public sealed record OtlpSpan(string TraceId, string SpanId, string ParentSpanId, string Name, OtlpSpanKind Kind, string Scope, string? Service,
    IReadOnlyDictionary<string, object?> Attributes, bool Failed, ulong StartUnixNano, ulong EndUnixNano)
{
    public object? this[string attribute] => Attributes.GetValueOrDefault(attribute);
}
