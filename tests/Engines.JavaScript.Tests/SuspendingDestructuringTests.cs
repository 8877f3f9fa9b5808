using LlmSpell.Testing;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Engines.JavaScript.Tests;

/// <summary>
/// Destructuring assignments whose right side suspends run once and give their values, wherever they
/// stand (Jint 4.18 re-ran the function's earlier statements, or failed in a generator).
/// </summary>
public sealed class SuspendingDestructuringTests
{
    private static Task<SpellOutcome> RunAsync(string source) =>
        new SpellTestHost([new JavaScriptEngine()]).RunAsync("spell.js", source, cancellationToken: TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("let a, b; [a, b] = await Promise.resolve([3, 4]); return a + b;", "7")]
    [InlineData("let a, b; ({ a, b } = await Promise.resolve({ a: 1, b: 2 })); return a + b;", "3")]
    [InlineData("let a, b; [a, b] = [await Promise.resolve(1), 2]; return a + b;", "3")]
    [InlineData("let a; const f = (v) => v.length; return f([a] = await Promise.resolve([1, 2])) + a;", "3")]
    [InlineData("let o = {}; [o.x, o.y = 5] = await Promise.resolve([1]); return o.x + o.y;", "6")]
    [InlineData("let a, b; [a] = [b] = await Promise.resolve([6]); return a + b;", "12")]
    [InlineData("let a; const g = async () => [a] = await Promise.resolve([5]); const r = await g(); return a + r.length;", "6")]
    [InlineData("let a; [a] = await (async () => { let c; [c] = await Promise.resolve([7]); print(\"inner\"); return [c]; })(); return a;", "7")]
    [InlineData("function* g() { let a; [a] = yield 1; print(\"generator\"); return a; } const it = g(); it.next(); return it.next([9]).value;", "9")]
    [InlineData("let a; for (let i = 0; i < 2; i++) { [a] = await Promise.resolve([i]); } return a;", "1")]
    public async Task Runs_once_with_its_value(string body, string expected)
    {
        var outcome = await RunAsync("await Promise.resolve(0);\nprint(\"before\");\n" + body);

        Assert.Equal(SpellJson.Parse(expected), outcome.Value);
        Assert.Equal(1, outcome.Lines.Count(l => l == "before"));
        Assert.True(outcome.Lines.Count(l => l is "inner" or "generator") <= 1, string.Join(" | ", outcome.Lines));
    }

    [Fact]
    public async Task An_error_after_the_rewritten_assignment_keeps_its_line()
    {
        var outcome = await RunAsync("let a;\n[a] = await Promise.resolve([1]);\nnull.x;");

        Assert.Equal(3, outcome.Error.Location!.Line);
    }
}
