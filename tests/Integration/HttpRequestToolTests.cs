using LlmSpell.Engines.Lua;
using LlmSpell.FakeProviders;
using LlmSpell.Errors;
using LlmSpell.Testing;
using LlmSpell.Tools.BuiltIn;
using LlmSpell.Values;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace LlmSpell.Integration;

/// <summary>http_request against a local server; loopback is reachable only because these tests allow it.</summary>
public sealed class HttpRequestToolTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;
    private string _base = "";

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(Routes);
        _base = _server.Address.AbsoluteUri.TrimEnd('/');
    }

    private static void Routes(WebApplication server)
    {
        server.MapGet("/json", () => Results.Json(new { city = "Oslo", temperature = -3 }));
        server.MapPost("/echo", async context =>
        {
            context.Response.ContentType = "text/plain";
            await context.Request.Body.CopyToAsync(context.Response.Body);
        });
        server.MapGet("/hop", () => Results.Redirect("/json"));
        server.MapGet("/away", () => Results.Redirect("http://example.com/"));
        server.MapGet("/big", () => Results.Text(new string('x', 3 * 1024 * 1024)));
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static async Task<SpellOutcome> Run(string source, BuiltInToolOptions options) =>
        await new SpellTestHost([new LuaEngine()], toolOptions: options).RunAsync("http.lua", source, cancellationToken: TestContext.Current.CancellationToken);

    private static BuiltInToolOptions Local => new() { AllowedHosts = ["127.0.0.1"], AllowPrivateNetworks = true };

    [Fact]
    public async Task Json_responses_are_parsed_and_redirects_followed()
    {
        var outcome = await Run($"local r = tools.call('http_request', {{ url = '{_base}/hop' }})\nreturn {{ status = r.status, city = r.json.city, type = r.headers['content-type'] }}", Local);
        Assert.Equal(SpellJson.Parse("{\"status\":200,\"city\":\"Oslo\",\"type\":\"application/json; charset=utf-8\"}"), outcome.Value);
    }

    [Fact]
    public async Task A_map_body_is_sent_as_json()
    {
        var outcome = await Run($"return tools.call('http_request', {{ url = '{_base}/echo', method = 'POST', body = {{ a = 1 }} }}).body", Local);
        Assert.Equal(SpellValue.From("{\"a\":1}"), outcome.Value);
    }

    [Fact]
    public async Task Responses_over_the_size_limit_are_refused()
    {
        var outcome = await Run($"return tools.call('http_request', {{ url = '{_base}/big' }})", Local);
        Assert.Equal(SpellErrorCode.BadArgument, outcome.Error.Code);
        Assert.Contains("1048576", outcome.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirects_are_checked_against_the_allow_list_too()
    {
        var outcome = await Run($"return tools.call('http_request', {{ url = '{_base}/away' }})", Local);
        Assert.Contains("host 'example.com' is not allowed", outcome.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Loopback_is_refused_by_default_even_when_its_name_is_allowed(string host)
    {
        var url = _base.Replace("127.0.0.1", host, StringComparison.Ordinal) + "/json";
        var outcome = await Run($"return tools.call('http_request', {{ url = '{url}' }})", new BuiltInToolOptions { AllowedHosts = ["*"] });
        Assert.Equal(SpellErrorCode.BadArgument, outcome.Error.Code);
        Assert.Contains("is a loopback, private, link-local, metadata or this machine's own address", outcome.Error.Message, StringComparison.Ordinal);
        Assert.Contains("tools.http.allowPrivateNetworks", outcome.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-A", "1\\r\\nGET /admin HTTP/1.1\\r\\nHost: internal")]
    [InlineData("X-A", "1\\nX-Injected: yes")]
    [InlineData("X-A\\r\\nX-B", "1")]
    [InlineData("X A", "1")]
    public async Task Header_names_and_values_that_could_smuggle_a_request_are_refused(string name, string value)
    {
        var outcome = await Run($"return tools.call('http_request', {{ url = '{_base}/json', headers = {{ ['{name}'] = '{value}' }} }})", Local);
        Assert.Equal(SpellErrorCode.BadArgument, outcome.Error.Code);
        Assert.Matches("header( name)? '.*' (holds a control character|is not an HTTP token)", outcome.Error.Message);
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_a_network_error()
    {
        var outcome = await Run("return tools.call('http_request', { url = 'http://no-such-host.invalid/' })", new BuiltInToolOptions { AllowedHosts = ["*"] });
        Assert.Equal(SpellErrorCode.NetworkError, outcome.Error.Code);
    }
}
