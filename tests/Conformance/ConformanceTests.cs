using LlmSpell.Api;
using LlmSpell.Engines.JavaScript;
using LlmSpell.Engines.Lua;
using LlmSpell.Engines.Tengo;
using LlmSpell.Running;
using LlmSpell.Testing;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Conformance;

/// <summary>Every case on every engine: the proof that one spell API means the same thing in each language.</summary>
public sealed class ConformanceTests
{
    /// <summary>The engines under test. A new engine is added here and must then pass every case.</summary>
    public static IReadOnlyList<ISpellEngine> Engines { get; } = [new LuaEngine(), new JavaScriptEngine(), new TengoEngine()];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var @case in ConformanceCase.All())
        {
            foreach (var engine in Engines)
            {
                data.Add(@case.Name, engine.Name);
            }
        }

        return data;
    }

    [Fact]
    public void The_suite_has_at_least_forty_cases_and_each_has_a_spell_for_every_engine()
    {
        var cases = ConformanceCase.All().ToList();
        Assert.True(cases.Count >= 40, $"only {cases.Count} cases");
        var missing = cases.SelectMany(c => Engines.Where(e => !File.Exists(c.SpellPath(e))).Select(e => $"{c.Name}: no {Path.GetFileName(c.SpellPath(e))}")).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_api_function_is_exercised_by_some_case_on_every_engine()
    {
        foreach (var engine in Engines)
        {
            var sources = string.Join("\n", ConformanceCase.All().Select(c => File.ReadAllText(c.SpellPath(engine))));
            var unused = SpellApi().Modules.SelectMany(m => m.Functions).Where(f => !sources.Contains(f.QualifiedName + "(", StringComparison.Ordinal)).Select(f => f.QualifiedName).ToList();
            Assert.True(unused.Count == 0, $"{engine.Name}: no case calls {string.Join(", ", unused)}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_passes(string caseName, string engineName)
    {
        var @case = ConformanceCase.All().Single(c => c.Name == caseName);
        var engine = Engines.Single(e => e.Name == engineName);
        var path = @case.SpellPath(engine);
        var source = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        // Cases that start durable runs get a store and a worker, as `llmspell run` has.
        await using var durable = source.Contains(".start(", StringComparison.Ordinal) ? new DurableFixture() : null;
        // Every engine is there (the file's extension picks the case's), as a spell may call spells in the others.
        var host = new SpellTestHost(Engines, workflows: durable?.Workflows);
        if (durable is not null)
        {
            await durable.StartWorkerAsync(host);
        }
        // The case's folder becomes the host's project, so a spell calls the other spells beside it.
        var project = Path.Combine(host.ContentRoot, @case.Name);
        Directory.CreateDirectory(project);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!))
        {
            File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
        }

        var outcome = await host.RunAsync(Path.GetFileName(path), source, @case.Input, @case.Limits, cancellationToken: TestContext.Current.CancellationToken, path: Path.Combine(project, Path.GetFileName(path)));

        if (@case.Expect.Get("error") is SpellMap expectedError)
        {
            Assert.True(outcome.Result.Error is not null, $"expected error {expectedError}, got result {outcome.Result.Value}");
            var error = outcome.Error;
            Assert.Equal(((SpellString)expectedError["code"]).Value, error.Code);
            if (expectedError.Get("line") is SpellInt line)
            {
                Assert.True(error.Location is not null, $"error has no location: {error}");
                Assert.Equal(Path.GetFileName(path), error.Location!.File);
                Assert.Equal(line.Value, error.Location.Line);
            }

            if (expectedError.Get("message") is SpellString fragment)
            {
                Assert.Contains(fragment.Value, error.Message, StringComparison.Ordinal);
            }
        }
        else
        {
            Assert.True(outcome.Result.Error is null, $"expected a result, got error {outcome.Result.Error}");
            // Through JSON, as a user sees it: bytes compare as base64, integral floats as integers.
            var actual = SpellJson.Parse(SpellJson.Serialize(outcome.Result.Value));
            Assert.Equal(@case.Expect.Get("result"), actual);
        }

        if (@case.Expect.Get("output") is SpellList expectedOutput)
        {
            Assert.Equal(expectedOutput.Select(l => ((SpellString)l).Value), outcome.Lines);
        }

        if (@case.Expect.Get("logs") is SpellList expectedLogs)
        {
            var logs = host.Logs.GetSnapshot().Where(r => r.Category?.StartsWith("spell.", StringComparison.Ordinal) == true).Select(r => $"{r.Level}: {r.Message}");
            Assert.Equal(expectedLogs.Select(l => ((SpellString)l).Value), logs);
        }
    }

    private static LlmSpell.Api.SpellApi SpellApi() => LlmSpell.Api.SpellApi.Standard;
}
