using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using LlmSpell.Errors;
using LlmSpell.Running.Bridge;
using LlmSpell.Values;

namespace LlmSpell.Engines.JavaScript;

/// <summary>The value bridge: spell values to JavaScript and back.</summary>
internal sealed partial class JavaScriptSandbox
{
    private SpellValue ToSpell(JsValue value, int depth, bool allowFunctions) =>
        ToSpellNode(value, depth, allowFunctions, new ConversionBudget(Context.Limits.MaxMemoryBytes));

    private SpellValue ToSpellNode(JsValue value, int depth, bool allowFunctions, ConversionBudget budget)
    {
        BridgeErrors.CheckDepth(depth);

        if (IsNothing(value)) { budget.Scalar(); return SpellValue.Null; }
        if (value.IsBoolean()) { budget.Scalar(); return SpellValue.From(value.AsBoolean()); }
        if (value.IsString())
        {
            var text = value.AsString();
            budget.Text(text.Length);
            return SpellValue.From(text);
        }
        if (value.IsNumber())
        {
            budget.Scalar();
            var number = value.AsNumber();
            return number == Math.Floor(number) && Math.Abs(number) <= MaxSafeInteger && !(number == 0 && double.IsNegative(number))
                ? SpellValue.From((long)number)
                : SpellValue.From(number);
        }

        if (value.IsBigInt())
        {
            var big = TypeConverter.ToBigInt(value);
            return big >= long.MinValue && big <= long.MaxValue
                ? SpellValue.From((long)big)
                : throw new SpellException(SpellErrorCode.BadArgument, "a BigInt beyond 64 bits cannot be passed to the host");
        }

        if (value.IsUint8Array()) return SpellValue.FromBytes(value.AsUint8Array());
        if (value.IsPromise()) throw new SpellException(SpellErrorCode.BadArgument, "a Promise cannot be passed to the host; await it first");
        if (value is Function)
        {
            return allowFunctions
                ? new JsCallback(this, value)
                : throw BridgeErrors.FunctionCannotLeave();
        }

        if (value.IsArray())
        {
            var array = (JsArray)value;
            var length = array.Length;
            budget.Container(length);
            var items = new SpellValue[length];
            for (uint i = 0; i < length; i++)
            {
                items[i] = ToSpellNode(array.Get(i), depth + 1, allowFunctions, budget);
            }

            return new SpellList(items);
        }

        if (value.IsObject())
        {
            var source = value.AsObject();
            var entries = new List<KeyValuePair<string, SpellValue>>();
            foreach (var key in source.GetOwnPropertyKeys(Types.String))
            {
                var descriptor = source.GetOwnProperty(key);
                if (descriptor.Enumerable)
                {
                    budget.Container(1);
                    budget.Text(key.ToString().Length);
                    entries.Add(new(key.ToString(), ToSpellNode(source.Get(key), depth + 1, allowFunctions, budget)));
                }
            }

            return new SpellMap(entries);
        }

        throw BridgeErrors.CannotCross("JavaScript", value.Type.ToString().ToLowerInvariant());
    }

    /// <summary>Spell values as JavaScript makes them.</summary>
    private sealed class ValueBuilder(JavaScriptSandbox sandbox) : ScriptValueBuilder<JsValue>
    {
        protected override string Language => "JavaScript";

        protected override JsValue FromNull(int depth) => JsValue.Null;

        protected override JsValue FromBool(bool value) => value ? JsBoolean.True : JsBoolean.False;

        // Past 2^53 a JavaScript number loses digits; a BigInt keeps them.
        protected override JsValue FromInt(long value) => Math.Abs((double)value) <= MaxSafeInteger ? new JsNumber(value) : new JsBigInt(new BigInteger(value));

        protected override JsValue FromFloat(double value) => new JsNumber(value);

        protected override JsValue FromString(string value) => new JsString(value);

        protected override JsValue FromBytes(ReadOnlyMemory<byte> value) => sandbox._engine.Intrinsics.Uint8Array.Construct(value.ToArray());

        protected override JsValue FromList(SpellList list, int depth)
        {
            var items = new JsValue[list.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = Build(list[i], depth + 1);
            }

            return new JsArray(sandbox._engine, items);
        }

        protected override JsValue FromMap(SpellMap map, int depth)
        {
            var target = new JsObject(sandbox._engine);
            foreach (var (key, item) in map)
            {
                // A data property, never [[Set]]: a "__proto__" key from an LLM must stay a key.
                target.CreateDataProperty(key, Build(item, depth + 1));
            }

            return target;
        }

        protected override JsValue FromHostFunction(SpellHostFunction host) =>
            new ClrFunction(sandbox._engine, host.Function.Name, (_, arguments) => sandbox.Invoke(host.Function, arguments), host.Function.Parameters.Count, PropertyFlag.Configurable);

        protected override bool TryOwnCallback(SpellValue value, [MaybeNullWhen(false)] out JsValue script) => ScriptCallbacks.TryUnwrap(value, sandbox, out script);
    }
}
