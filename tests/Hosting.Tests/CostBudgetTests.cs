using System.Globalization;
using LlmSpell.Errors;
using LlmSpell.Hosting.Application;
using LlmSpell.Running;
using LlmSpell.Values;
using LlmSpell.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace LlmSpell.Hosting.Tests;

/// <summary>
/// Runs are priced from the price table, and a workflow's cost_budget is one account for all its
/// parallel branches — in process on every engine, and on the embedded durable engine, where each
/// branch runs in a sandbox of its own.
/// </summary>
public sealed class CostBudgetTests : IAsyncLifetime
{
    // $100 per million tokens both ways: each mock call of a few tokens costs about $0.0005-0.001.
    private const decimal PerMillion = 100m;
    private readonly string _root = Directory.CreateTempSubdirectory("llmspell-cost-").FullName;
    private IHost _host = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private SpellRunService Runs => _host.Services.GetRequiredService<SpellRunService>();

    public async ValueTask InitializeAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration[LlmSpellServiceCollectionExtensions.ContentRootKey] = _root;
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["llm:prices:mock/*:input"] = PerMillion.ToString(CultureInfo.InvariantCulture),
            ["llm:prices:mock/*:output"] = PerMillion.ToString(CultureInfo.InvariantCulture),
        });
        builder.Services.AddLlmSpell(builder.Configuration, spell => spell.AddLua().AddJavaScript().AddTengo().AddDurableWorker());
        _host = builder.Build();
        await _host.StartAsync(Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Four branches that each call the model once, under <paramref name="budget"/> dollars.</summary>
    private static SpellScript FanOut(string engine, double budget)
    {
        var dollars = budget.ToString(CultureInfo.InvariantCulture);
        return engine switch
        {
            "lua" => new SpellScript("fan.lua", $$"""
                return workflow.parallel({ name = "fan", cost_budget = {{dollars}}, steps = {
                  function(x) return llm.complete("one " .. x) end,
                  function(x) return llm.complete("two " .. x) end,
                  function(x) return llm.complete("three " .. x) end,
                  function(x) return llm.complete("four " .. x) end } }).run("tides")
                """),
            "js" => new SpellScript("fan.js", $$"""
                const fan = workflow.parallel({ name: "fan", cost_budget: {{dollars}},
                  steps: ["one", "two", "three", "four"].map((n) => ({ name: n, run: (x) => llm.complete(`${n} ${x}`) })) });
                return await fan.run("tides");
                """),
            _ => new SpellScript("fan.tengo", $$"""
                llm := import("llm")
                workflow := import("workflow")
                fan := workflow.parallel({ name: "fan", cost_budget: {{dollars}}, steps: [
                  func(x) { return llm.complete("one " + x) },
                  func(x) { return llm.complete("two " + x) },
                  func(x) { return llm.complete("three " + x) },
                  func(x) { return llm.complete("four " + x) }] })
                export fan.run("tides")
                """),
        };
    }

    [Theory]
    [InlineData("lua")]
    [InlineData("js")]
    [InlineData("tengo")]
    public async Task A_run_reports_what_its_calls_cost_by_the_price_table(string engine)
    {
        var report = await Runs.RunAsync(FanOut(engine, budget: 1), new SpellRunOptions(), Token);

        Assert.True(report.Result.Succeeded, report.Result.Error?.ToString());
        var usage = report.Result.Usage;
        Assert.Equal(4, usage.Calls);
        Assert.Equal((usage.InputTokens + usage.OutputTokens) * PerMillion / 1_000_000m, usage.CostUsd);
        Assert.Equal(0, usage.UnpricedCalls);
        Assert.Contains("\"cost_usd\": " + ((double)usage.CostUsd).ToString(CultureInfo.InvariantCulture), report.ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lua")]
    [InlineData("js")]
    [InlineData("tengo")]
    public async Task Parallel_branches_that_together_exceed_the_cost_budget_stop_the_workflow(string engine)
    {
        // One call fits in $0.0012; four together do not.
        var report = await Runs.RunAsync(FanOut(engine, budget: 0.0012), new SpellRunOptions(), Token);

        var error = report.Result.Error;
        Assert.NotNull(error);
        Assert.Equal(SpellErrorCode.LlmBudgetExceeded, error.Code);
        Assert.Contains("workflow 'fan' spent $", error.Message, StringComparison.Ordinal);
        Assert.Contains("its cost_budget is $0.0012", error.Message, StringComparison.Ordinal);
        Assert.True(report.Result.Usage.Calls is >= 2 and <= 4, $"{report.Result.Usage.Calls} calls");
    }

    [Fact]
    public async Task On_the_durable_engine_steps_in_their_own_sandboxes_share_the_workflows_budget()
    {
        var workflows = _host.Services.GetRequiredService<IWorkflowService>();
        foreach (var (budget, fails) in new[] { (0.0012, true), (1.0, false) })
        {
            var started = await Runs.StartWorkflowAsync(FanOut("lua", budget), SpellMap.Empty, engine: null, runId: null, output: null, Token);
            Assert.Null(started.Error);
            var status = (SpellMap)await workflows.WaitAsync(started.RunId!, Token);

            if (fails)
            {
                Assert.Equal(SpellValue.From("failed"), status.Get("status"));
                Assert.Matches(@"workflow 'fan' spent \$0\.\d+; its cost_budget is \$0\.0012", SpellJson.Serialize(status.Get("error")));
            }
            else
            {
                Assert.Equal(SpellValue.From("completed"), status.Get("status"));
                Assert.Equal(4, ((SpellList)status.Get("output")).Count);
            }
        }
    }

    [Fact]
    public async Task A_bad_cost_budget_is_a_bad_argument_naming_the_field()
    {
        var report = await Runs.RunAsync(new SpellScript("bad.lua", """
            return workflow.sequential({ name = "w", cost_budget = "lots", steps = { function(x) return x end } }).run(1)
            """), new SpellRunOptions(), Token);

        Assert.Equal(SpellErrorCode.BadArgument, report.Result.Error?.Code);
        Assert.Contains("w.cost_budget: expected a number of US dollars", report.Result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agents_cost_budget_stops_it_between_turns()
    {
        var report = await Runs.RunAsync(new SpellScript("agent.lua", """
            local a = agent.create({ name = "thrifty", cost_budget = 0.0001 })
            a.run("a question that costs more than a hundredth of a cent")
            return a.run("another")
            """), new SpellRunOptions(), Token);

        Assert.Equal(SpellErrorCode.LlmBudgetExceeded, report.Result.Error?.Code);
        Assert.Contains("agent 'thrifty' spent $", report.Result.Error!.Message, StringComparison.Ordinal);
    }
}
