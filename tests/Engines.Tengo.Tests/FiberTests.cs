using LlmSpell.Testing;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Engines.Tengo.Tests;

/// <summary>Functions the host calls run on VM fibers: a branch waiting for the host lets the others run.</summary>
public sealed class FiberTests
{
    private static Task<SpellOutcome> RunAsync(string source) =>
        new SpellTestHost([new TengoEngine()]).RunAsync("spell.tengo", source, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task Parallel_branches_overlap_while_they_wait_for_the_host()
    {
        // Every branch starts before any ends: each waits in time.sleep while the others run.
        var outcome = await RunAsync("""
            workflow := import("workflow")
            time := import("time")
            llm := import("llm")
            order := []
            branch := func(n) {
                return func() {
                    order = append(order, "start " + n)
                    time.sleep(50)
                    reply := llm.complete("b" + n)
                    order = append(order, "end " + n)
                    return reply
                }
            }
            result := workflow.parallel({name: "p", steps: [branch(1), branch(2), branch(3)], max_concurrency: 3}).run()
            export {result: result, first_three: order[:3], all: len(order)}
            """);

        Assert.Equal(SpellJson.Parse("""{"result":["echo: b1","echo: b2","echo: b3"],"first_three":["start 1","start 2","start 3"],"all":6}"""), outcome.Value);
    }

    [Fact]
    public async Task A_branch_keeps_its_locals_and_stack_across_a_wait_while_the_others_run()
    {
        // Deep frames and pending operands in each fiber survive the switches between them.
        var outcome = await RunAsync("""
            workflow := import("workflow")
            time := import("time")
            depth := func(n, ms) {
                if n == 0 { time.sleep(ms); return 0 }
                return 1 + depth(n - 1, ms)
            }
            branch := func(n) { return func() { return [n, n * 10 + depth(20 + n, 30 - n * 10), n] } }
            export workflow.parallel({name: "p", steps: [branch(1), branch(2)]}).run()
            """);

        Assert.Equal(SpellJson.Parse("[[1, 31, 1], [2, 42, 2]]"), outcome.Value);
    }

    [Fact]
    public async Task A_failed_call_in_a_fiber_is_an_error_value_at_the_call_and_a_failing_branch_fails_the_workflow()
    {
        var caught = await RunAsync("""
            workflow := import("workflow")
            time := import("time")
            export workflow.parallel({name: "p", steps: [func() {
                time.sleep(5)
                r := time.sleep(-1)
                return is_error(r) ? r.value.code : "no error"
            }]}).run()
            """);
        var failing = await RunAsync("workflow := import(\"workflow\")\ntime := import(\"time\")\nexport workflow.parallel({name: \"p\", steps: [func() { time.sleep(5); return 1 },\n  func() { time.sleep(10)\n  return error({code: \"bad_argument\", message: \"nope\"}) }]}).run()");

        Assert.Equal(SpellJson.Parse("""["bad_argument"]"""), caught.Value);
        Assert.Equal("bad_argument", failing.Error.Code);
        Assert.Equal("nope", failing.Error.Message);
    }

    [Fact]
    public async Task A_limit_hit_in_a_fiber_ends_the_whole_run()
    {
        var outcome = await RunAsync("""
            workflow := import("workflow")
            time := import("time")
            export workflow.parallel({name: "p", steps: [func() { time.sleep(5); for true {} }, func() { time.sleep(50); return 2 }]}).run()
            """);

        Assert.Equal("instruction_limit", outcome.Error.Code);
    }
}
