using LlmSpell.Hosting.Schedules;
using LlmSpell.Testing;
using LlmSpell.Values;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LlmSpell.Hosting.Tests;

/// <summary>Scheduled workflows on a fake clock: on time, once per occurrence, through double fires, restarts and catch-up.</summary>
public sealed class SpellSchedulerTests : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("llmspell-schedules-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 5, 0, 0, TimeSpan.Zero));
    private readonly DurableFixture _durable = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private SpellScheduler Scheduler(string spellsFolder)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(_time);
        services.AddLlmSpell(new ConfigurationBuilder().AddInMemoryCollection(
        [
            new(LlmSpellServiceCollectionExtensions.ContentRootKey, _root),
            new("spells:folder", spellsFolder),
        ]).Build(), _ => { });
        return services.BuildServiceProvider().GetRequiredService<SpellScheduler>();
    }

    private async Task<SpellScheduler> SchedulerAsync(string schedule)
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "digest.spell.json"), $$"""{ "name": "digest", "triggers": { "http": false, "schedule": {{schedule}} } }""", Token);
        await File.WriteAllTextAsync(Path.Combine(_root, "digest.lua"), """
            return workflow.sequential({ name = "digest", steps = { function(x) return "digest for " .. x.scheduled_for end } }).run(input)
            """, Token);
        // A new service provider each time: a scheduler that restarts knows nothing of the one before.
        return Scheduler(_root);
    }

    [Fact]
    public async Task An_occurrence_starts_once_however_often_and_from_however_many_schedulers_it_is_ticked()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 10, 5, 10, TimeSpan.Zero));
        var scheduler = await SchedulerAsync("\"0 */5 * * * *\"");
        Assert.Equal(["digest-schedule-20261203T100500Z"], await scheduler.TickAsync(_durable.Workflows, Token));
        Assert.Empty(await scheduler.TickAsync(_durable.Workflows, Token));
        Assert.Empty(await (await SchedulerAsync("\"0 */5 * * * *\"")).TickAsync(_durable.Workflows, Token));

        _time.Advance(TimeSpan.FromMinutes(5));
        var (a, b) = (await SchedulerAsync("\"0 */5 * * * *\""), await SchedulerAsync("\"0 */5 * * * *\""));
        var both = await Task.WhenAll(a.TickAsync(_durable.Workflows, Token), b.TickAsync(_durable.Workflows, Token));
        Assert.Equal(["digest-schedule-20261203T101000Z"], both.SelectMany(s => s));

        var run = (SpellMap)await _durable.Workflows.StatusAsync("digest-schedule-20261203T101000Z", Token);
        Assert.Equal("digest", ((SpellString)run["spell"]).Value[..6]);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task A_missed_occurrence_runs_once_on_catch_up_only_when_the_schedule_asks(bool catchUp, int runs)
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 10, 8, 0, TimeSpan.Zero));
        var scheduler = await SchedulerAsync($$"""{ "cron": "0 */5 * * * *", "catch_up": {{(catchUp ? "true" : "false")}} }""");
        Assert.Equal(runs, (await scheduler.TickAsync(_durable.Workflows, Token)).Count);
        Assert.Empty(await scheduler.TickAsync(_durable.Workflows, Token));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(["digest-schedule-20261203T101000Z"], await scheduler.TickAsync(_durable.Workflows, Token));
    }

    [Fact]
    public async Task A_schedule_keeps_its_time_zone()
    {
        // 09:00 in Paris is 08:00 UTC in winter.
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 8, 0, 20, TimeSpan.Zero));
        var scheduler = await SchedulerAsync("""{ "cron": "0 0 9 * * *", "time_zone": "Europe/Paris" }""");
        Assert.Equal(["digest-schedule-20261203T080000Z"], await scheduler.TickAsync(_durable.Workflows, Token));
    }

    [Fact]
    public void The_due_occurrence_of_a_rare_schedule_is_found_a_year_back()
    {
        var yearly = new Spells.ScheduleTrigger("0 0 0 1 1 *", TimeZoneInfo.Utc);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), SpellScheduler.Due(yearly, _time.GetUtcNow()));
    }

    [Fact]
    public async Task The_digest_example_runs_at_seven_in_Paris_and_keeps_that_day_as_an_artifact()
    {
        var worker = new SpellTestHost([new Engines.Lua.LuaEngine(), new Engines.JavaScript.JavaScriptEngine(), new Engines.Tengo.TengoEngine()]);
        await _durable.StartWorkerAsync(worker);
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 6, 0, 30, TimeSpan.Zero));
        var id = Assert.Single(await Scheduler(Path.Combine(LlmSpellProcess.Examples, "serverless")).TickAsync(_durable.Workflows, Token));
        Assert.Equal("digest-schedule-20261203T060000Z", id);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var done = (SpellMap)await _durable.Workflows.WaitAsync(id, timeout.Token);
        Assert.True(((SpellString)done["status"]).Value == "completed", done.ToString());
        Assert.Equal("digests/2026-12-03.md", ((SpellString)((SpellMap)done["output"])["artifact"]).Value);
        var kept = (await worker.Host.Artifacts!.GetAsync("digest", "digests/2026-12-03.md", Token))!.Value;
        Assert.Equal("text/markdown", kept.Info.ContentType);
        Assert.StartsWith("# tides", System.Text.Encoding.UTF8.GetString(kept.Data.Span), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _durable.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
