using LlmSpell.Errors;
using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Tests;

public sealed class SpellJsonTests
{
    [Theory]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("42")]
    [InlineData("-9223372036854775808")]
    [InlineData("9223372036854775807")]
    [InlineData("1.5")]
    [InlineData("\"héllo ✓ 🎉\"")]
    [InlineData("[1,[2,[3,{\"a\":null}]],\"x\"]")]
    [InlineData("{\"z\":1,\"a\":{\"b\":[]},\"m\":{}}")]
    public void Text_round_trips_exactly(string json) => Assert.Equal(json, SpellJson.Serialize(SpellJson.Parse(json)));

    [Fact]
    public void Integers_stay_exact_and_numbers_with_a_fraction_or_exponent_are_floats()
    {
        Assert.IsType<SpellInt>(SpellJson.Parse("9007199254740993"));
        Assert.Equal(9007199254740993L, ((SpellInt)SpellJson.Parse("9007199254740993")).Value);
        Assert.IsType<SpellFloat>(SpellJson.Parse("1.0"));
        Assert.IsType<SpellFloat>(SpellJson.Parse("1e3"));
        Assert.IsType<SpellFloat>(SpellJson.Parse("18446744073709551616"));
    }

    [Fact]
    public void Invalid_json_names_line_and_column()
    {
        var error = Assert.Throws<SpellException>(() => SpellJson.Parse("{\n  \"a\": tru\n}"));
        Assert.Equal(SpellErrorCode.InvalidJson, error.Code);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,")]
    [InlineData("1 2")]
    [InlineData("{\"a\":1,}")]
    [InlineData("// comment\n1")]
    [InlineData("\"\\uD83C\"")]
    public void Malformed_text_is_invalid_json(string json) =>
        Assert.Equal(SpellErrorCode.InvalidJson, Assert.Throws<SpellException>(() => SpellJson.Parse(json)).Code);

    [Fact]
    public void Nesting_deeper_than_the_limit_is_rejected_both_ways()
    {
        var deep = new string('[', SpellValue.MaxDepth + 2) + new string(']', SpellValue.MaxDepth + 2);
        Assert.Equal(SpellErrorCode.InvalidJson, Assert.Throws<SpellException>(() => SpellJson.Parse(deep)).Code);

        SpellValue value = SpellValue.From(1);
        for (var i = 0; i < SpellValue.MaxDepth + 2; i++)
        {
            value = SpellValue.List([value]);
        }

        Assert.Equal(SpellErrorCode.BadArgument, Assert.Throws<SpellException>(() => SpellJson.Serialize(value)).Code);
    }

    [Fact]
    public void Non_finite_floats_become_null_and_bytes_become_base64()
    {
        Assert.Equal("[null,null]", SpellJson.Serialize(SpellValue.List([SpellValue.From(double.NaN), SpellValue.From(double.PositiveInfinity)])));
        Assert.Equal("\"AQL/\"", SpellJson.Serialize(SpellValue.FromBytes(new byte[] { 1, 2, 255 })));
    }

    [Theory]
    [InlineData("\"\\\\uD83C\\\\uDF89\"")]
    [InlineData("\"a\\\\\"")]
    public void Text_that_only_looks_like_an_escaped_pair_is_left_alone(string json) =>
        Assert.Equal(SpellJson.Parse(json), SpellJson.Parse(SpellJson.Serialize(SpellJson.Parse(json))));

    [Fact]
    public void Indented_output_uses_two_spaces()
    {
        Assert.Equal("{\n  \"a\": [\n    1\n  ]\n}", SpellJson.Serialize(SpellJson.Parse("{\"a\":[1]}"), indented: true));
    }
}
