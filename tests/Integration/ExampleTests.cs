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

/// <summary>Every spell in examples/ runs: offline on the mock, and the agent ones against a scripted vendor.</summary>
public sealed class ExampleTests : IAsyncLifetime
{
    private VendorFleet _fleet = null!;
    private LoopbackServer _pages = null!;
    private string _pagesUrl = "";

    public static TheoryData<string> Examples() =>
        [.. Directory.EnumerateFiles(LlmSpellProcess.Examples).Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()];

    public static TheoryData<string> Engines() => ["lua", "js", "tengo"];

    public async ValueTask InitializeAsync()
    {
        _fleet = await VendorFleet.StartAsync();
        _pages = await LoopbackServer.StartAsync(app => app.MapGet("/eiffel", () => Results.Text("The Eiffel Tower was completed in 1889 for the World's Fair.")));
        _pagesUrl = _pages.Address.AbsoluteUri.TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        await _fleet.DisposeAsync();
        await _pages.DisposeAsync();
    }

    private static ISpellEngine EngineFor(string file) => Path.GetExtension(file) switch
    {
        ".lua" => new LuaEngine(),
        ".tengo" => new TengoEngine(),
        _ => new JavaScriptEngine(),
    };

    private static string Read(string file) => File.ReadAllText(Path.Combine(LlmSpellProcess.Examples, file));

    [Fact]
    public void Every_example_exists_in_lua_javascript_and_tengo()
    {
        var names = Examples().Select(e => (string)e.Data).ToList();
        var stems = names.Select(Path.GetFileNameWithoutExtension).Distinct();
        Assert.All(stems, stem => Assert.True(names.Contains(stem + ".lua") && names.Contains(stem + ".js") && names.Contains(stem + ".tengo"), $"{stem} needs a .lua, a .js and a .tengo"));
    }

    [Fact]
    public async Task Hello_prints_and_returns_the_same_in_every_engine()
    {
        var outcomes = new List<(string File, SpellOutcome Outcome)>();
        foreach (var file in new[] { "hello.lua", "hello.js", "hello.tengo" })
        {
            // A fresh host each: the greeting counter in state starts at zero for every engine.
            outcomes.Add((file, await new SpellTestHost([EngineFor(file)]).RunAsync(file, Read(file), cancellationToken: TestContext.Current.CancellationToken)));
        }

        var (_, lua) = outcomes[0];
        Assert.True(lua.Result.Succeeded, lua.Result.Error?.ToString());
        foreach (var (file, outcome) in outcomes.Skip(1))
        {
            Assert.True(outcome.Result.Succeeded, $"{file}: {outcome.Result.Error}");
            Assert.Equal(lua.Lines, outcome.Lines);
            Assert.Equal(lua.Value, outcome.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_example_runs_offline_with_the_mock_provider(string file)
    {
        var outcome = await new SpellTestHost([EngineFor(file)]).RunAsync(file, Read(file), cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(outcome.Result.Succeeded, outcome.Result.Error?.ToString());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task The_research_agent_fetches_a_page_and_computes(string engine)
    {
        var server = _fleet.Servers["openai"];
        server.Enqueue(
            FakeReply.CallTools(("c1", "http_request", $"{{\"url\":\"{_pagesUrl}/eiffel\"}}")),
            FakeReply.CallTools(("c2", "calculator", "{\"expression\":\"2026 - 1889\"}")),
            FakeReply.Answer("It was finished 137 years ago, in 1889."));
        var file = "research-agent." + engine;
        var host = _fleet.Host(EngineFor(file), new BuiltInToolOptions { AllowedHosts = ["127.0.0.1"], AllowPrivateNetworks = true });

        var outcome = await host.RunAsync(file, Read(file), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(SpellValue.From("It was finished 137 years ago, in 1889."), ((SpellMap)outcome.Value)["answer"]);
        Assert.Contains("completed in 1889", server.Requests[1].Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("137", server.Requests[2].Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["It was finished 137 years ago, in 1889."], outcome.Lines);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task The_triage_agent_hands_off_to_the_poet(string engine)
    {
        var server = _fleet.Servers["openai"];
        server.Enqueue(FakeReply.CallTools(("h1", "transfer_to_poet", "{\"message\":\"Write a haiku about tides\"}")), FakeReply.Answer("tides breathe in and out"));
        var file = "handoff." + engine;

        var outcome = await _fleet.Host(EngineFor(file)).RunAsync(file, Read(file), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(SpellValue.From("tides breathe in and out"), ((SpellMap)outcome.Value)["answer"]);
        Assert.Equal("Write one short poem. Nothing else.", (string?)server.Requests[1].Body!["messages"]![0]!["content"]);
    }
}
