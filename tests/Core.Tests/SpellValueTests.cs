using LlmSpell.Values;
using Xunit;

namespace LlmSpell.Tests;

public sealed class SpellValueTests
{
    [Fact]
    public void Integers_and_floats_of_the_same_number_are_equal_and_hash_alike()
    {
        Assert.Equal(SpellValue.From(3), SpellValue.From(3.0));
        Assert.Equal(SpellValue.From(3).GetHashCode(), SpellValue.From(3.0).GetHashCode());
        Assert.NotEqual(SpellValue.From(3), SpellValue.From(3.5));
        Assert.NotEqual(SpellValue.From(1), SpellValue.True);
    }

    [Fact]
    public void Maps_compare_by_content_not_by_key_order()
    {
        var a = SpellValue.Map([new("x", SpellValue.From(1)), new("y", SpellValue.From("two"))]);
        var b = SpellValue.Map([new("y", SpellValue.From("two")), new("x", SpellValue.From(1))]);
        Assert.True(a.Equals(b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(["x", "y"], a.Keys);
    }

    [Fact]
    public void Lists_compare_in_order()
    {
        Assert.Equal(SpellValue.List([SpellValue.From(1), SpellValue.Null]), SpellValue.List([SpellValue.From(1), SpellValue.Null]));
        Assert.NotEqual(SpellValue.List([SpellValue.From(1), SpellValue.From(2)]), SpellValue.List([SpellValue.From(2), SpellValue.From(1)]));
    }

    [Fact]
    public void A_missing_map_key_reads_as_null()
    {
        Assert.True(SpellMap.Empty.Get("nothing").IsNull);
    }

    [Fact]
    public void Bytes_compare_by_content()
    {
        Assert.Equal(SpellValue.FromBytes(new byte[] { 1, 2 }), SpellValue.FromBytes(new byte[] { 1, 2 }));
        Assert.NotEqual(SpellValue.FromBytes(new byte[] { 1, 2 }), SpellValue.From("\u0001\u0002"));
    }
}
