using LlmSpell.Api;
using LlmSpell.Values;

namespace LlmSpell.Modules;

/// <summary><c>json.encode(value, opts)</c> and <c>json.decode(text)</c>, identical on every engine.</summary>
public static class JsonModule
{
    public static SpellModule Definition { get; } = new("json", "Encode values as JSON text and decode JSON text.",
    [
        new SpellFunction("encode", "The value as JSON text. Bytes become base64 strings.",
            [new("value", SpellTypes.Any, "the value to encode"), new("opts", SpellTypes.Map, "{ pretty = boolean }", IsOptional: true)],
            SpellTypes.String, Encode),
        new SpellFunction("decode", "The value a JSON text describes. Integers stay exact up to 64 bits.",
            [new("text", SpellTypes.String, "JSON text")],
            SpellTypes.Any, call => ValueTask.FromResult(SpellJson.Parse(call.GetString(0)))),
    ]);

    private static ValueTask<SpellValue> Encode(SpellCall call)
    {
        var options = call.GetOptions(1);
        options.RejectUnknown("pretty");
        return ValueTask.FromResult(SpellValue.From(SpellJson.Serialize(call[0], options.GetBool("pretty") ?? false)));
    }
}
