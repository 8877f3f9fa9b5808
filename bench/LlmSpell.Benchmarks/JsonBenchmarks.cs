using BenchmarkDotNet.Attributes;
using LlmSpell.Values;

namespace LlmSpell.Benchmarks;

/// <summary>The host side of a JSON round trip, without any engine: the floor under json.encode/decode.</summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private readonly string _json = SpellJson.Serialize(SpellValue.Map(
    [
        new("name", SpellValue.From("report")),
        new("items", new SpellList(Enumerable.Range(1, 50).Select(i => (SpellValue)SpellValue.Map(
        [
            new("id", SpellValue.From(i)),
            new("title", SpellValue.From("item " + i)),
            new("tags", SpellValue.List([SpellValue.From("a"), SpellValue.From("b")])),
            new("score", SpellValue.From(i / 3.0)),
        ])))),
    ]));

    [Benchmark]
    public string ParseAndSerialize() => SpellJson.Serialize(SpellJson.Parse(_json));
}
