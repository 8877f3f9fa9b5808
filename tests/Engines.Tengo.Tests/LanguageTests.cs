using LlmSpell.Engines.Tengo.Language;
using Xunit;

namespace LlmSpell.Engines.Tengo.Tests;

/// <summary>The language itself, case by case: expected values, printed output and error messages with positions.</summary>
public sealed class LanguageTests
{
    public static TheoryData<string> Cases() => new(LanguageCase.All().Select(c => c.Id));

    [Fact]
    public void There_are_at_least_six_hundred_cases_with_distinct_ids()
    {
        var ids = LanguageCase.All().Select(c => c.Id).ToList();
        Assert.True(ids.Count >= 600, $"only {ids.Count} language cases");
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_passes(string id)
    {
        var @case = LanguageCase.All().Single(c => c.Id == id);
        var output = new List<string>();
        var printed = new System.Text.StringBuilder();
        var outcome = TengoRunner.Run(@case.Source, printed);

        if (@case.Error is not null)
        {
            Assert.True(outcome.Error is not null, $"expected error '{@case.Error}', got {outcome.Value}");
            Assert.Contains(@case.Error, outcome.Error.Message, StringComparison.Ordinal);
            if (@case.Line is { } line)
            {
                Assert.Equal((line, @case.Column), (outcome.ErrorPos.Line, (int?)outcome.ErrorPos.Column));
            }
        }
        else
        {
            Assert.True(outcome.Error is null, $"expected {@case.Expected}, got error: {outcome.Error?.Message}");
            Assert.Equal(@case.Expected, outcome.Value!.ToString());
        }

        if (@case.Output.Count > 0)
        {
            var lines = printed.ToString().Split('\n').ToList();
            if (lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
            Assert.Equal(@case.Output, lines);
        }
    }
}
