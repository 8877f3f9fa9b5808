using LlmSpell.Api;
using LlmSpell.Errors;
using LlmSpell.Tools.BuiltIn;
using LlmSpell.Values;

namespace LlmSpell.Modules;

/// <summary>
/// <c>http.get/post/request</c>: HTTP from code, through the host's <c>http_request</c> tool — the
/// same allow-list (tools.http.allowedHosts), private-network guard, redirects checked hop by hop,
/// and size and time limits — so a spell cannot reach by code what its tools may not reach.
/// </summary>
public static class HttpModule
{
    private const string Response = "{ status, headers, body, json } (json: the body decoded when it is labelled JSON)";

    public static SpellModule Definition { get; } = new("http", "HTTP requests to the hosts this host allows (the http_request tool's rules).",
    [
        new SpellFunction("get", "GET a URL: " + Response + ".",
            [new("url", SpellTypes.String, "http or https URL"), new("opts", SpellTypes.Map, "{ headers = { name = value } }", IsOptional: true)],
            SpellTypes.Map, call => SendAsync(call, "GET", call.GetString(0), SpellValue.Null, call.GetOptions(1)), isAsync: true),
        new SpellFunction("post", "POST to a URL: text is sent as text/plain, any other value as JSON. " + Response + ".",
            [new("url", SpellTypes.String, "http or https URL"), new("body", SpellTypes.Any, "text, or a value sent as JSON", IsOptional: true),
             new("opts", SpellTypes.Map, "{ headers = { name = value } }", IsOptional: true)],
            SpellTypes.Map, call => SendAsync(call, "POST", call.GetString(0), call[1], call.GetOptions(2)), isAsync: true),
        new SpellFunction("request", "Any request: { url, method = GET|POST|PUT|PATCH|DELETE|HEAD, headers, body }. " + Response + ".",
            [new("request", SpellTypes.Map, "{ url, method, headers, body }")],
            SpellTypes.Map, RequestAsync, isAsync: true),
    ]);

    private static ValueTask<SpellValue> SendAsync(SpellCall call, string method, string url, SpellValue body, SpellOptions options)
    {
        options.RejectUnknown("headers");
        var request = new List<KeyValuePair<string, SpellValue>> { new("url", SpellValue.From(url)), new("method", SpellValue.From(method)) };
        var headers = options.Map.Get("headers");
        if (headers is not SpellNull)
        {
            request.Add(new("headers", headers));
        }
        if (body is not SpellNull)
        {
            request.Add(new("body", body));
        }
        return SendAsync(call, new SpellMap(request));
    }

    private static ValueTask<SpellValue> RequestAsync(SpellCall call)
    {
        var request = (SpellMap)call[0];
        new SpellOptions(call.Function.QualifiedName, request).RejectUnknown("url", "method", "headers", "body");
        return SendAsync(call, request);
    }

    private static ValueTask<SpellValue> SendAsync(SpellCall call, SpellMap request)
    {
        var context = call.Context;
        var caller = call.Function.QualifiedName;
        var http = context.Tools.Find("http_request") as HttpRequestTool
            ?? throw new SpellException(SpellErrorCode.NotFound, $"{caller}: this host offers no HTTP (its built-in http_request tool is not there)");
        if (http.Parameters.Problems(caller, request) is { Count: > 0 } problems)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{caller}: {string.Join("; ", problems.Take(5))}");
        }
        return http.RequestAsync(request, context, caller);
    }
}
