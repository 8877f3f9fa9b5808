using LlmSpell.Testing;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Engines.Lua.Tests;

/// <summary>Functions the host calls run on fibers: a branch waiting for the host lets the others run.</summary>
public sealed class FiberTests
{
    private static Task<SpellOutcome> RunAsync(string source) =>
        new SpellTestHost([new LuaEngine()]).RunAsync("spell.lua", source, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task Parallel_branches_overlap_while_they_wait_for_the_host()
    {
        // Every branch starts before any ends: each waits in time.sleep while the others run.
        var outcome = await RunAsync("""
            local order = {}
            local function branch(n) return function()
              order[#order + 1] = "start " .. n
              time.sleep(50)
              local reply = llm.complete("b" .. n)
              order[#order + 1] = "end " .. n
              return reply
            end end
            local result = workflow.parallel({ name = "p", steps = { branch(1), branch(2), branch(3) }, max_concurrency = 3 }).run()
            return { result = result, first_three = { order[1], order[2], order[3] } }
            """);

        Assert.Equal(SpellJson.Parse("""{"result":["echo: b1","echo: b2","echo: b3"],"first_three":["start 1","start 2","start 3"]}"""), outcome.Value);
    }

    [Fact]
    public async Task A_failing_branch_fails_the_run_with_its_own_line_and_calls_that_cannot_yield_still_work()
    {
        var failing = await RunAsync("local wf = workflow.parallel({ name = 'p', steps = { function() time.sleep(10); return 1 end,\n  function() time.sleep(10); error({ code = 'bad_argument', message = 'nope' }) end } })\nreturn wf.run()");
        var sorted = await RunAsync("local wf = workflow.sequential({ name = 's', steps = { function()\n  local t = { 3, 1, 2 }\n  table.sort(t, function(a, b) time.sleep(1) return a < b end)\n  return t\nend } })\nreturn wf.run()");

        Assert.Equal("bad_argument", failing.Error.Code);
        Assert.Equal(SpellJson.Parse("[1, 2, 3]"), sorted.Value);
    }

    [Fact]
    public async Task A_spell_that_spawns_without_end_is_stopped_at_the_task_limit_and_the_tasks_end_with_the_run()
    {
        var outcome = await RunAsync("""
            for i = 1, 20000 do
              local ok, err = pcall(async.spawn, function() time.sleep(60000); state.set("late", i) end)
              if not ok then return { stopped_at = i, code = err.code } end
            end
            """);

        Assert.Equal(SpellJson.Parse("""{"stopped_at":10001,"code":"bad_argument"}"""), outcome.Value);
    }
}
