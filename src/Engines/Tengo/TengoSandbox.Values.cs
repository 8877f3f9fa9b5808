using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using LlmSpell.Engines.Tengo.Language;
using LlmSpell.Running.Bridge;
using LlmSpell.Values;

namespace LlmSpell.Engines.Tengo;

/// <summary>The value bridge: spell values to Tengo objects and back.</summary>
internal sealed partial class TengoSandbox
{
    private SpellValue ToSpell(TengoObject value, int depth, bool allowFunctions) =>
        ToSpellNode(value, depth, allowFunctions, new ConversionBudget(_context.Limits.MaxMemoryBytes));

    private SpellValue ToSpellNode(TengoObject value, int depth, bool allowFunctions, ConversionBudget budget)
    {
        BridgeErrors.CheckDepth(depth);
        budget.Scalar();

        switch (value)
        {
            case TengoUndefined:
                return SpellValue.Null;
            case TengoBool b:
                return SpellValue.From(b.Value);
            case TengoInt i:
                return SpellValue.From(i.Value);
            case TengoFloat f:
                return SpellValue.From(f.Value);
            case TengoString s:
                budget.Text(s.Value.Length);
                return SpellValue.From(s.Value);
            case TengoChar c:
                return SpellValue.From(TengoChar.AsText(c.Value));
            case TengoBytes bytes:
                budget.Bytes(bytes.Value.Length);
                return SpellValue.FromBytes(bytes.Value.ToArray());
            case TengoTime t:
                return SpellValue.From(t.ToRfc3339Nano());
            case TengoError e:
                return ToSpellNode(e.Value, depth + 1, allowFunctions, budget);
            case TengoArray array:
                budget.Container(array.Count);
                var items = new SpellValue[array.Count];
                for (var i = 0; i < items.Length; i++) items[i] = ToSpellNode(array[i], depth + 1, allowFunctions, budget);
                return new SpellList(items);
            case TengoMap map:
                budget.Container(map.Entries.Count);
                foreach (var key in map.Entries.Keys)
                {
                    budget.Text(key.Length);
                }
                return new SpellMap(map.Entries.Select(e => new KeyValuePair<string, SpellValue>(e.Key, ToSpellNode(e.Value, depth + 1, allowFunctions, budget))).ToList());
            case TengoClosure or TengoBuiltin when allowFunctions:
                return new TengoCallback(this, value);
            case TengoClosure or TengoBuiltin:
                throw BridgeErrors.FunctionCannotLeave();
            default:
                throw BridgeErrors.CannotCross("Tengo", value.TypeName);
        }
    }

    /// <summary>Spell values as Tengo makes them; null is undefined.</summary>
    private sealed class ValueBuilder(TengoSandbox sandbox) : ScriptValueBuilder<TengoObject>
    {
        protected override string Language => "Tengo";

        protected override TengoObject FromNull(int depth) => TengoUndefined.Instance;

        protected override TengoObject FromBool(bool value) => TengoBool.From(value);

        protected override TengoObject FromInt(long value) => TengoInt.From(value);

        protected override TengoObject FromFloat(double value) => new TengoFloat(value);

        protected override TengoObject FromString(string value) => sandbox._vm.NewString(value);

        protected override TengoObject FromBytes(ReadOnlyMemory<byte> value) => sandbox._vm.NewBytes(value.ToArray());

        protected override TengoObject FromList(SpellList list, int depth)
        {
            var items = new List<TengoObject>(list.Count);
            foreach (var item in list)
            {
                items.Add(Build(item, depth + 1));
            }

            return sandbox._vm.NewArray(items);
        }

        protected override TengoObject FromMap(SpellMap map, int depth)
        {
            var entries = new Dictionary<string, TengoObject>(map.Count, StringComparer.Ordinal);
            foreach (var (key, item) in map)
            {
                entries[key] = Build(item, depth + 1);
            }

            return sandbox._vm.NewMap(entries);
        }

        protected override TengoObject FromHostFunction(SpellHostFunction host) => sandbox.HostFunction(host.Function);

        protected override bool TryOwnCallback(SpellValue value, [MaybeNullWhen(false)] out TengoObject script) => ScriptCallbacks.TryUnwrap(value, sandbox, out script);
    }
}
