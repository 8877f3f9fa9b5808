using System.Globalization;
using System.Text;

namespace LlmSpell.Engines.Tengo.Language;

/// <summary>The builtin functions every script sees without an import.</summary>
internal static class Builtins
{
    public static readonly TengoBuiltin[] All =
    [
        new("len", Len),
        new("copy", (_, a) => { Arguments.Count(a, 1); return a[0].Copy(); }),
        new("append", Append),
        new("delete", Delete),
        new("splice", Splice),
        new("type_name", (_, a) => { Arguments.Count(a, 1); return new TengoString(a[0].TypeName); }),
        new("format", (vm, a) => a.Length == 0 ? throw Arguments.WrongCount() : vm.NewString(TengoFormat.Format(Arguments.String(a, 0), a[1..]))),
        new("range", Range),
        new("string", ToStringValue),
        new("int", (_, a) => Convert(a, ToInt)),
        new("bool", (_, a) => { Arguments.Count(a, 1); return TengoBool.From(!a[0].IsFalsy); }),
        new("float", (_, a) => Convert(a, ToFloat)),
        new("char", (_, a) => Convert(a, ToChar)),
        new("bytes", ToBytes),
        new("time", (_, a) => Convert(a, v => v switch { TengoTime t => t, TengoInt i => TengoTime.FromUnix(i.Value, 0), _ => null })),
        Is("is_int", v => v is TengoInt),
        Is("is_float", v => v is TengoFloat),
        Is("is_string", v => v is TengoString),
        Is("is_bool", v => v is TengoBool),
        Is("is_char", v => v is TengoChar),
        Is("is_bytes", v => v is TengoBytes),
        Is("is_array", v => v is TengoArray { IsImmutable: false }),
        Is("is_immutable_array", v => v is TengoArray { IsImmutable: true }),
        Is("is_map", v => v is TengoMap { IsImmutable: false }),
        Is("is_immutable_map", v => v is TengoMap { IsImmutable: true }),
        Is("is_iterable", v => v.CanIterate),
        Is("is_time", v => v is TengoTime),
        Is("is_error", v => v is TengoError),
        Is("is_undefined", v => v is TengoUndefined),
        Is("is_function", v => v is TengoClosure),
        Is("is_callable", v => v.CanCall),
    ];

    private static readonly Dictionary<string, int> Indexes = All.Select((b, i) => (b.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);

    public static int IndexOf(string name) => Indexes.TryGetValue(name, out var index) ? index : -1;

    private static TengoBuiltin Is(string name, Func<TengoObject, bool> test) =>
        new(name, (_, a) => { Arguments.Count(a, 1); return TengoBool.From(test(a[0])); });

    private static TengoObject Len(TengoVm vm, ReadOnlySpan<TengoObject> a)
    {
        Arguments.Count(a, 1);
        return a[0] switch
        {
            TengoArray array => TengoInt.From(array.Count),
            TengoString s => TengoInt.From(s.ByteLength),
            TengoBytes b => TengoInt.From(b.Value.Length),
            TengoMap m => TengoInt.From(m.Entries.Count),
            _ => throw Arguments.InvalidType(0, "array/string/bytes/map", a[0]),
        };
    }

    private static TengoObject Append(TengoVm vm, ReadOnlySpan<TengoObject> a)
    {
        if (a.Length < 2) throw Arguments.WrongCount();
        return Arguments.Array(a, 0).Append(vm, a[1..]);
    }

    private static TengoObject Delete(TengoVm vm, ReadOnlySpan<TengoObject> a)
    {
        Arguments.Count(a, 2);
        if (a[0] is not TengoMap { IsImmutable: false } map) throw Arguments.InvalidType(0, "map", a[0]);
        map.Entries.Remove(Arguments.String(a, 1));
        return TengoUndefined.Instance;
    }

    private static TengoObject Splice(TengoVm vm, ReadOnlySpan<TengoObject> a)
    {
        if (a.Length == 0) throw Arguments.WrongCount();
        if (a[0] is not TengoArray { IsImmutable: false } array) throw Arguments.InvalidType(0, "array", a[0]);
        var count = array.Count;
        var start = 0;
        if (a.Length > 1)
        {
            if (a[1] is not TengoInt s) throw Arguments.InvalidType(1, "int", a[1]);
            if (s.Value < 0 || s.Value > count) throw new TengoRuntimeException("index out of bounds");
            start = (int)s.Value;
        }

        var deleteCount = count - start;
        if (a.Length > 2)
        {
            if (a[2] is not TengoInt d) throw Arguments.InvalidType(2, "int", a[2]);
            if (d.Value < 0) throw new TengoRuntimeException("index out of bounds");
            deleteCount = (int)Math.Min(d.Value, count - start);
        }

        var removed = array.Splice(vm, start, deleteCount, a.Length > 3 ? a[3..] : []);
        return vm.NewArray(removed);
    }

    private static TengoObject Range(TengoVm vm, ReadOnlySpan<TengoObject> a)
    {
        Arguments.Count(a, 2, 3);
        if (a[0] is not TengoInt start) throw Arguments.InvalidType(0, "int", a[0]);
        if (a[1] is not TengoInt stop) throw Arguments.InvalidType(1, "int", a[1]);
        var step = 1L;
        if (a.Length == 3)
        {
            if (a[2] is not TengoInt s) throw Arguments.InvalidType(2, "int", a[2]);
            if (s.Value <= 0) throw new TengoRuntimeException($"invalid range step: must be > 0, got {s.Value}");
            step = s.Value;
        }

        var span = Math.Abs((decimal)stop.Value - start.Value);
        var count = (long)Math.Ceiling(span / step);
        vm.ReserveIntArray(count, "range");
        var items = new List<TengoObject>((int)count);
        if (start.Value <= stop.Value)
        {
            for (var i = start.Value; i < stop.Value; i += step) items.Add(TengoInt.From(i));
        }
        else
        {
            for (var i = start.Value; i > stop.Value; i -= step) items.Add(TengoInt.From(i));
        }

        return TengoVm.AdoptArray(items);
    }

    /// <summary><c>int(x)</c>, <c>float(x)</c> and friends: the converted value, else the default (or undefined).</summary>
    private static TengoObject Convert(ReadOnlySpan<TengoObject> a, Func<TengoObject, TengoObject?> convert)
    {
        Arguments.Count(a, 1, 2);
        return convert(a[0]) ?? (a.Length == 2 ? a[1] : TengoUndefined.Instance);
    }

    private static TengoObject ToStringValue(TengoVm vm, ReadOnlySpan<TengoObject> a)
    {
        Arguments.Count(a, 1, 2);
        return a[0] switch
        {
            TengoString s => s,
            TengoUndefined => a.Length == 2 ? a[1] : TengoUndefined.Instance,
            var other => vm.NewString(Arguments.Text(other)),
        };
    }

    internal static TengoObject? ToInt(TengoObject value) => value switch
    {
        TengoInt i => i,
        TengoFloat f when !double.IsNaN(f.Value) && !double.IsInfinity(f.Value) => TengoInt.From((long)f.Value),
        TengoChar c => TengoInt.From(c.Value),
        TengoBool b => TengoInt.From(b.Value ? 1 : 0),
        TengoString s => GoIntegers.Parse(s.Value) is { } parsed ? TengoInt.From(parsed) : null,
        _ => null,
    };

    internal static TengoObject? ToFloat(TengoObject value) => value switch
    {
        TengoFloat f => f,
        TengoInt i => new TengoFloat(i.Value),
        TengoString s => double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? new TengoFloat(parsed) : ParseSpecialFloat(s.Value),
        _ => null,
    };

    private static TengoFloat? ParseSpecialFloat(string text) => text.ToLowerInvariant() switch
    {
        "nan" => new TengoFloat(double.NaN),
        "inf" or "+inf" or "infinity" or "+infinity" => new TengoFloat(double.PositiveInfinity),
        "-inf" or "-infinity" => new TengoFloat(double.NegativeInfinity),
        _ => null,
    };

    private static TengoObject? ToChar(TengoObject value) => value switch
    {
        TengoChar c => c,
        TengoInt i when i.Value is >= 0 and <= 0x10FFFF => new TengoChar((int)i.Value),
        // The tutorial's own example: char("X") is 'X'. A longer string has no single char.
        TengoString s when s.Runes.Length == 1 => new TengoChar(s.Runes[0]),
        _ => null,
    };

    private static TengoObject ToBytes(TengoVm vm, ReadOnlySpan<TengoObject> a)
    {
        Arguments.Count(a, 1, 2);
        switch (a[0])
        {
            case TengoBytes b:
                return b;
            case TengoString s:
                return vm.NewBytes(Encoding.UTF8.GetBytes(s.Value));
            case TengoInt n when n.Value >= 0:
                vm.CheckSize(n.Value, "bytes");
                return vm.NewBytes(new byte[n.Value]);
            default:
                return a.Length == 2 ? a[1] : TengoUndefined.Instance;
        }
    }
}
