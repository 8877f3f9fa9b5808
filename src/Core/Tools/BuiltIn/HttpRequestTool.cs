using System.Net;
using System.Net.Sockets;
using System.Text;
using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Tools.BuiltIn;

/// <summary>
/// <c>http_request</c>: an HTTP call to an allow-listed host, guarded against reaching the host's own
/// network (see <see cref="NetworkGuard"/>), with response size and time limits. Redirects are
/// followed by hand so every hop is checked again.
/// </summary>
public sealed class HttpRequestTool : ISpellTool, IDisposable
{
    private const int MaxRedirects = 5;
    private readonly BuiltInToolOptions _options;
    private readonly HttpClient _http;

    public HttpRequestTool(BuiltInToolOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = ConnectAsync,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        _http = new HttpClient(handler) { Timeout = options.HttpTimeout };
    }

    public string Name => "http_request";

    public string Description => "Call an HTTP URL (only hosts the host allows) and get { status, headers, body, json }.";

    public ToolSchema Parameters { get; } = DelegateTool.Schema("""
        {"type":"object","properties":{
          "url":{"type":"string","description":"http or https URL"},
          "method":{"enum":["GET","POST","PUT","PATCH","DELETE","HEAD"]},
          "headers":{"type":"object","additionalProperties":{"type":"string"}},
          "body":{"description":"text, or a value sent as JSON"}},
         "required":["url"],"additionalProperties":false}
        """);

    public string Source => "builtin";

    public ValueTask<SpellValue> InvokeAsync(SpellMap arguments, SpellContext context) => RequestAsync(arguments, context, "tool 'http_request'");

    /// <summary>
    /// The request <paramref name="arguments"/> describe (checked against <see cref="Parameters"/>),
    /// under this tool's guard and limits; errors begin with <paramref name="caller"/> (the tool, or
    /// the <c>http</c> module's function).
    /// </summary>
    public async ValueTask<SpellValue> RequestAsync(SpellMap arguments, SpellContext context, string caller)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        if (arguments.Get("headers") is SpellMap given)
        {
            foreach (var (name, value) in given)
            {
                CheckHeader(name, ((SpellString)value).Value, caller);
            }
        }
        var url = Check(((SpellString)arguments["url"]).Value, caller);
        var method = new HttpMethod(arguments.Get("method") is SpellString m ? m.Value : "GET");
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(method, url);
            if (arguments.Get("headers") is SpellMap headers)
            {
                foreach (var (name, value) in headers)
                {
                    request.Headers.TryAddWithoutValidation(name, ((SpellString)value).Value);
                }
            }

            request.Content = arguments.Get("body") switch
            {
                SpellNull => null,
                SpellString text => new StringContent(text.Value, Encoding.UTF8, "text/plain"),
                var value => new StringContent(SpellJson.Serialize(value), Encoding.UTF8, "application/json"),
            };

            using var response = await Send(request, caller, context.CallCancellation).ConfigureAwait(false);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location && hop < MaxRedirects)
            {
                url = Check(new Uri(url, location).AbsoluteUri, caller);
                method = response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect ? method : HttpMethod.Get;
                continue;
            }

            return await Read(response, caller, context.CallCancellation).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// A header as HTTP defines it: a token for the name, no control characters in the value. CR or LF
    /// in either would end the header on the wire and let a spell write a second request.
    /// </summary>
    private static void CheckHeader(string name, string value, string caller)
    {
        if (name.Length == 0 || name.Any(c => c <= ' ' || c >= 0x7F || "()<>@,;:\\\"/[]?={}".Contains(c, StringComparison.Ordinal)))
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{caller}: header name '{Printable(name)}' is not an HTTP token (letters, digits and !#$%&'*+-.^_`|~)");
        }
        if (value.Any(c => (c < ' ' && c != '\t') || c == 0x7F))
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{caller}: header '{name}' holds a control character (such as CR or LF), which could smuggle a second request");
        }
    }

    private static string Printable(string text) => string.Concat(text.Take(64).Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));

    private Uri Check(string text, string caller)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{caller}: '{text}' is not an http(s) URL");
        }

        if (!NetworkGuard.IsAllowedHost(url.Host, _options.AllowedHosts))
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{caller}: host '{url.Host}' is not allowed (allowed: {(_options.AllowedHosts.Count == 0 ? "none; configure tools.http.allowedHosts" : string.Join(", ", _options.AllowedHosts))})");
        }

        return url;
    }

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request, string caller, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.InnerException is NetworkRefusal refused)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{caller}: {refused.Message}");
        }
        catch (HttpRequestException ex)
        {
            throw new SpellException(SpellErrorCode.NetworkError, $"{caller}: {request.RequestUri?.Host}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SpellException(SpellErrorCode.NetworkError, $"{caller}: {request.RequestUri?.Host} did not answer within {_options.HttpTimeout.TotalSeconds:0} s");
        }
    }

    private async Task<SpellValue> Read(HttpResponseMessage response, string caller, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > _options.MaxResponseBytes)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{caller}: the response is {response.Content.Headers.ContentLength} bytes; the limit is {_options.MaxResponseBytes}");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _options.MaxResponseBytes)
            {
                throw new SpellException(SpellErrorCode.BadArgument, $"{caller}: the response is larger than {_options.MaxResponseBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        var body = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        SpellValue json = SpellValue.Null;
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                json = SpellJson.Parse(body);
            }
            catch (SpellException)
            {
                // Labelled JSON but not JSON: the text is still in body.
            }
        }

        var headers = response.Headers.Concat(response.Content.Headers)
            .Select(h => new KeyValuePair<string, SpellValue>(h.Key.ToLowerInvariant(), SpellValue.From(string.Join(", ", h.Value))));
        return SpellValue.Map(
        [
            new("status", SpellValue.From((int)response.StatusCode)),
            new("headers", new SpellMap(headers)),
            new("body", SpellValue.From(body)),
            new("json", json),
        ]);
    }

    /// <summary>Resolves the host and connects only to an address the guard allows.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = _options.AllowPrivateNetworks ? addresses : [.. addresses.Where(a => !NetworkGuard.IsPrivate(a) && !NetworkGuard.IsOwnAddress(a))];
        if (allowed.Length == 0)
        {
            throw new NetworkRefusal(
                $"'{host}' is a loopback, private, link-local, metadata or this machine's own address, which spells may not reach (the setting tools.http.allowPrivateNetworks allows it)");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Thrown where the connection is refused, which knows no caller; <see cref="Send"/> words it for the one that asked.</summary>
    private sealed class NetworkRefusal(string message) : Exception(message);
}
