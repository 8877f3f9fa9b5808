using LlmSpell.Testing;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Engines.Lua.Tests;

/// <summary>API calls in tail position keep the spell's line; everything else about tail calls stays Lua's.</summary>
public sealed class TailCallTests
{
    private static Task<SpellOutcome> RunAsync(string source) =>
        new SpellTestHost([new LuaEngine()]).RunAsync("spell.lua", source, cancellationToken: TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("local x = 1\nreturn llm.complete('x', 10)", 2)]
    [InlineData("local function f()\n  if true then\n    return tools.call('nope', {})\n  end\nend\nreturn f()", 3)]
    [InlineData("local function f() return llm.complete 'x' .. 1 end\nlocal t = {}\nreturn json.decode '{'\n", 3)]
    [InlineData("-- return llm.complete('in a comment')\nlocal s = [[ return llm.complete(]] .. \"return llm.x(\"\n--[==[ return ]==] return json.decode('{')", 3)]
    public async Task A_failing_api_call_in_tail_position_names_its_line(string source, int line)
    {
        var outcome = await RunAsync(source);

        Assert.Equal(line, outcome.Error.Location!.Line);
    }

    [Fact]
    public async Task The_spell_s_own_tail_calls_still_run_in_constant_stack_and_return_every_value()
    {
        // 100,000 levels against a recursion limit of 200: only a real tail call gets there.
        var outcome = await RunAsync("""
            local function loop(n) if n == 0 then return json.decode("[1, 2]") end return loop(n - 1) end
            local function two() return pcall(json.decode, "3") end
            local ok, three = two()
            return { loop(100000), ok, three, (llm.complete("a")) }
            """);

        Assert.Equal(SpellJson.Parse("""[[1, 2], true, 3, "echo: a"]"""), outcome.Value);
    }
}
