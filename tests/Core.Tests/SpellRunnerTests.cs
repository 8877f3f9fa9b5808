using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Testing;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Tests;

public sealed class SpellRunnerTests
{
    [Theory]
    [InlineData("a.fake", null, "fake")]
    [InlineData("a.other", "fake", "fake")]
    [InlineData("a.other", "FAKE-ALIAS", "fake")]
    public void The_engine_comes_from_the_name_given_else_the_extension(string file, string? engine, string expected)
    {
        var runner = new SpellTestHost([new FakeEngine()]).Runner;
        Assert.Equal(expected, runner.ResolveEngine(new SpellScript(file, ""), engine).Name);
    }

    [Fact]
    public void A_shebang_line_names_the_engine()
    {
        var runner = new SpellTestHost([new FakeEngine()]).Runner;
        Assert.Equal("fake", runner.ResolveEngine(new SpellScript("script", "#!/usr/bin/env llmspell fake\nbody")).Name);
    }

    [Fact]
    public void An_unknown_engine_or_extension_is_a_bad_argument_naming_the_choices()
    {
        var runner = new SpellTestHost([new FakeEngine()]).Runner;
        var byName = Assert.Throws<SpellException>(() => runner.ResolveEngine(new SpellScript("a.fake", ""), "cobol"));
        Assert.Equal("unknown engine 'cobol' (known: fake)", byName.Message);
        var byExtension = Assert.Throws<SpellException>(() => runner.ResolveEngine(new SpellScript("a.txt", "")));
        Assert.Contains("no engine runs '.txt' files (known: .fake)", byExtension.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_spell_runs_on_its_own_thread_with_its_input()
    {
        var engine = new FakeEngine { Body = context => SpellValue.List([context.Input, SpellValue.From(Environment.CurrentManagedThreadId)]) };
        var outcome = await new SpellTestHost([engine]).RunAsync("a.fake", "", SpellValue.Map([new("x", SpellValue.From(1))]), cancellationToken: TestContext.Current.CancellationToken);
        var list = (SpellList)outcome.Value;
        Assert.Equal(SpellValue.Map([new("x", SpellValue.From(1))]), list[0]);
        Assert.NotEqual(Environment.CurrentManagedThreadId, ((SpellInt)list[1]).Value);
    }

    [Fact]
    public async Task An_engine_that_ignores_its_deadline_is_abandoned_after_the_grace()
    {
        using var release = new ManualResetEventSlim();
        var engine = new FakeEngine { Body = _ => { release.Wait(TimeSpan.FromSeconds(30)); return SpellValue.Null; } };
        var limits = SandboxLimits.Default with { Timeout = TimeSpan.FromMilliseconds(200), AbandonGrace = TimeSpan.FromMilliseconds(200) };
        var outcome = await new SpellTestHost([engine]).RunAsync("a.fake", "", limits: limits, cancellationToken: TestContext.Current.CancellationToken);
        release.Set();
        Assert.Equal(SpellErrorCode.Timeout, outcome.Error.Code);
        Assert.Contains("abandoned", outcome.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crashing_engine_is_a_host_error_not_a_crashed_process()
    {
        var engine = new FakeEngine { Body = _ => throw new InvalidOperationException("boom") };
        var outcome = await new SpellTestHost([engine]).RunAsync("a.fake", "", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(SpellErrorCode.HostError, outcome.Error.Code);
        Assert.Contains("boom", outcome.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_caller_ends_the_run_as_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var engine = new FakeEngine { Body = context => { cancel.Cancel(); context.CancellationToken.WaitHandle.WaitOne(); throw context.Stopped(); } };
        var outcome = await new SpellTestHost([engine]).RunAsync("a.fake", "", cancellationToken: cancel.Token);
        Assert.Equal(SpellErrorCode.Cancelled, outcome.Error.Code);
    }

    [Fact]
    public async Task A_source_over_the_limit_is_refused_before_running()
    {
        var host = new SpellTestHost([new FakeEngine()]);
        await Assert.ThrowsAsync<SpellException>(() => host.RunAsync("a.fake", new string('x', 100), limits: SandboxLimits.Default with { MaxSourceBytes = 10 }, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Shebang_lines_are_blanked_so_line_numbers_stay_true()
    {
        var script = new SpellScript("a.lua", "#!llmspell lua\nline2\nline3");
        Assert.Equal("lua", script.ShebangLanguage);
        Assert.Equal("\nline2\nline3", script.SourceWithoutShebang);
        Assert.Null(new SpellScript("a.lua", "#!/bin/sh\nx").ShebangLanguage);
    }

    [Fact]
    public async Task Loading_a_missing_file_is_not_found()
    {
        var error = await Assert.ThrowsAsync<SpellException>(() => SpellScript.LoadAsync("/no/such/spell.lua", SandboxLimits.Default, "/", TestContext.Current.CancellationToken));
        Assert.Equal(SpellErrorCode.NotFound, error.Code);
    }

    private sealed class FakeEngine : ISpellEngine
    {
        public Func<SpellContext, SpellValue> Body { get; init; } = _ => SpellValue.Null;

        public string Name => "fake";

        public IReadOnlyList<string> Aliases { get; } = ["fake-alias"];

        public IReadOnlyList<string> FileExtensions { get; } = [".fake"];

        public string Description => "a test engine";

        public SpellValue Execute(SpellScript script, ISpellRun context) => Body((SpellContext)context);
    }

    [Theory]
    [InlineData("/project/hello.lua", "/project", "hello")]
    [InlineData("/project/a/main.lua", "/project", "a/main")]
    [InlineData("/project/b/main.js", "/project/", "b/main")]
    [InlineData("/elsewhere/x.tengo", "/project", "/elsewhere/x")]
    public void A_spell_is_named_by_its_path_in_the_project(string path, string contentRoot, string id)
    {
        Assert.Equal(id, SpellScript.IdOf(path, contentRoot));
    }
}
