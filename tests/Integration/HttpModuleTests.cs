using LlmSpell.Engines.JavaScript;
using LlmSpell.Engines.Lua;
using LlmSpell.Engines.Tengo;
using LlmSpell.FakeProviders;
using LlmSpell.Running;
using LlmSpell.Testing;
using LlmSpell.Tools.BuiltIn;
using LlmSpell.Values;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace LlmSpell.Integration;

/// <summary>The http module on every engine, against a local server that only these tests allow.</summary>
public sealed class HttpModuleTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;
    private string _base = "";

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(server =>
        {
            server.MapGet("/json", (HttpRequest request) => Results.Json(new { city = "Oslo", asked = request.Headers["X-Asker"].ToString() }));
            server.MapMethods("/echo", ["POST", "PUT"], async context =>
            {
                context.Response.ContentType = context.Request.ContentType ?? "text/plain";
                context.Response.Headers["X-Method"] = context.Request.Method;
                await context.Request.Body.CopyToAsync(context.Response.Body);
            });
            server.MapGet("/away", () => Results.Redirect("http://example.com/"));
        });
        _base = _server.Address.AbsoluteUri.TrimEnd('/');
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string> Engines => ["lua", "js", "tengo"];

    private static ISpellEngine Engine(string name) => name switch
    {
        "lua" => new LuaEngine(),
        "js" => new JavaScriptEngine(),
        _ => new TengoEngine(),
    };

    private static Task<SpellOutcome> Run(string engine, string source, BuiltInToolOptions options) =>
        new SpellTestHost([Engine(engine)], toolOptions: options).RunAsync("http." + engine, source, cancellationToken: TestContext.Current.CancellationToken);

    private static BuiltInToolOptions Local => new() { AllowedHosts = ["127.0.0.1"], AllowPrivateNetworks = true };

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Get_post_and_request_reach_an_allowed_host(string engine)
    {
        var source = engine switch
        {
            "lua" => $$"""
                local got = http.get("{{_base}}/json", { headers = { ["X-Asker"] = "ada" } })
                local posted = http.post("{{_base}}/echo", { n = 1 })
                local put = http.request({ url = "{{_base}}/echo", method = "PUT", body = "plain" })
                return { got.status, got.json.city, got.json.asked, posted.json.n, put.body, put.headers["x-method"] }
                """,
            "js" => $$"""
                const got = await http.get("{{_base}}/json", { headers: { "X-Asker": "ada" } });
                const posted = await http.post("{{_base}}/echo", { n: 1 });
                const put = await http.request({ url: "{{_base}}/echo", method: "PUT", body: "plain" });
                return [got.status, got.json.city, got.json.asked, posted.json.n, put.body, put.headers["x-method"]];
                """,
            _ => $$$"""
                http := import("http")
                got := http.get("{{{_base}}}/json", {headers: {"X-Asker": "ada"}})
                posted := http.post("{{{_base}}}/echo", {n: 1})
                put := http.request({url: "{{{_base}}}/echo", method: "PUT", body: "plain"})
                export [got.status, got.json.city, got.json.asked, posted.json.n, put.body, put.headers["x-method"]]
                """,
        };

        var outcome = await Run(engine, source, Local);

        Assert.Equal(SpellJson.Parse("""[200, "Oslo", "ada", 1, "plain", "PUT"]"""), outcome.Value);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Refusals_name_the_function_and_the_setting_that_would_allow_it(string engine)
    {
        var call = $"http.get(\"{_base}/away\")";
        var source = engine == "tengo" ? $"http := import(\"http\")\nexport {call}" : "return " + (engine == "js" ? "await " : "") + call;

        var redirected = await Run(engine, source, Local);
        var loopback = await Run(engine, source, new BuiltInToolOptions { AllowedHosts = ["*"] });

        Assert.Equal("http.get: host 'example.com' is not allowed (allowed: 127.0.0.1)", redirected.Error.Message);
        Assert.StartsWith("http.get: '127.0.0.1' is a loopback", loopback.Error.Message, StringComparison.Ordinal);
        Assert.Contains("the setting tools.http.allowPrivateNetworks allows it", loopback.Error.Message, StringComparison.Ordinal);
    }
}
