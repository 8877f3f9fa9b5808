using DurableTask.Core.Serializing;

namespace LlmSpell.Orchestrations.DurableTaskFramework;

/// <summary>
/// DTFx serializes payloads with Newtonsoft.Json; ours are JSON text written by System.Text.Json
/// before they reach it (<see cref="Orchestrations.DataConverter"/>, the one format of every engine).
/// This converter passes that text through untouched, so no payload is read or rewritten by a
/// second serializer (Newtonsoft would, for one, turn ISO date strings into dates). An activity's
/// one input is written as itself, not as DTFx's one-element parameter array, as Durable Functions
/// writes it, so both can run the same activities on one task hub.
/// </summary>
internal sealed class PassThroughDataConverter : JsonDataConverter
{
    public static PassThroughDataConverter Instance { get; } = new();

    public override string Serialize(object value) => Serialize(value, formatted: false);

    public override string Serialize(object value, bool formatted) => value switch
    {
        null => null!,
        JsonText text => text.Json!,
        object[] { Length: 1 } parameters when parameters[0] is JsonText text => text.Json!,
        _ => throw new NotSupportedException($"LlmSpell passes only JSON text to the Durable Task Framework, not {value.GetType().Name}."),
    };

    public override object Deserialize(string data, Type objectType) =>
        objectType == typeof(JsonText) ? new JsonText(data)
            : throw new NotSupportedException($"LlmSpell reads only JSON text from the Durable Task Framework, not {objectType.Name}.");
}
