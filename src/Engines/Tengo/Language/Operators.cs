namespace LlmSpell.Engines.Tengo.Language;

/// <summary>Binary and unary operators on Tengo values, following the reference implementation's tables.</summary>
internal static class Operators
{
    public static TengoRuntimeException Invalid(Token op, TengoObject left, TengoObject right) =>
        new($"invalid operation: {left.TypeName} {op.Text()} {right.TypeName}");

    public static TengoObject Binary(TengoVm vm, Token op, TengoObject left, TengoObject right) => left switch
    {
        TengoInt l => right switch
        {
            TengoInt r => IntOp(op, l.Value, r.Value) ?? throw Invalid(op, left, right),
            TengoFloat r => FloatOp(op, l.Value, r.Value) ?? throw Invalid(op, left, right),
            TengoChar r when op is Token.Add or Token.Sub => new TengoChar(op == Token.Add ? (int)(l.Value + r.Value) : (int)(l.Value - r.Value)),
            TengoChar r => Compare(op, l.Value.CompareTo(r.Value)) ?? throw Invalid(op, left, right),
            _ => throw Invalid(op, left, right),
        },
        TengoFloat l => right switch
        {
            TengoFloat r => FloatOp(op, l.Value, r.Value) ?? throw Invalid(op, left, right),
            TengoInt r => FloatOp(op, l.Value, r.Value) ?? throw Invalid(op, left, right),
            _ => throw Invalid(op, left, right),
        },
        TengoString l => op == Token.Add
            ? Concatenate(vm, l.Value, right is TengoString rs ? rs.Value : right.ToString())
            : right is TengoString r ? Compare(op, string.CompareOrdinal(l.Value, r.Value)) ?? throw Invalid(op, left, right) : throw Invalid(op, left, right),
        TengoChar l => right switch
        {
            TengoChar r when op is Token.Add or Token.Sub => new TengoChar(op == Token.Add ? l.Value + r.Value : l.Value - r.Value),
            TengoInt r when op is Token.Add or Token.Sub => new TengoChar(op == Token.Add ? (int)(l.Value + r.Value) : (int)(l.Value - r.Value)),
            TengoChar r => Compare(op, l.Value.CompareTo(r.Value)) ?? throw Invalid(op, left, right),
            TengoInt r => Compare(op, ((long)l.Value).CompareTo(r.Value)) ?? throw Invalid(op, left, right),
            _ => throw Invalid(op, left, right),
        },
        TengoArray l when op == Token.Add && right is TengoArray r => vm.NewArray([.. l.AsSpan(), .. r.AsSpan()]),
        TengoBytes l when op == Token.Add && right is TengoBytes r => vm.NewBytes([.. l.Value, .. r.Value]),
        TengoTime l => right switch
        {
            TengoInt r when op == Token.Add => l.Add(r.Value),
            TengoInt r when op == Token.Sub => r.Value == long.MinValue ? l.Add(long.MaxValue).Add(1) : l.Add(-r.Value),
            TengoTime r when op == Token.Sub => TengoInt.From(l.Since(r)),
            TengoTime r => Compare(op, l.CompareTo(r)) ?? throw Invalid(op, left, right),
            _ => throw Invalid(op, left, right),
        },
        _ => throw Invalid(op, left, right),
    };

    // The size is checked before the text is built, so doubling a string stops at the limit, not past it.
    private static TengoString Concatenate(TengoVm vm, string left, string right)
    {
        vm.CheckSize((long)left.Length + right.Length, "string");
        return vm.NewString(left + right);
    }

    public static TengoObject? IntOp(Token op, long l, long r) => op switch
    {
        Token.Add => TengoInt.From(unchecked(l + r)),
        Token.Sub => TengoInt.From(unchecked(l - r)),
        Token.Mul => TengoInt.From(unchecked(l * r)),
        Token.Quo => r == 0 ? throw new TengoRuntimeException("division by zero") : TengoInt.From(l == long.MinValue && r == -1 ? l : l / r),
        Token.Rem => r == 0 ? throw new TengoRuntimeException("division by zero") : TengoInt.From(r == -1 ? 0 : l % r),
        Token.And => TengoInt.From(l & r),
        Token.Or => TengoInt.From(l | r),
        Token.Xor => TengoInt.From(l ^ r),
        Token.AndNot => TengoInt.From(l & ~r),
        Token.Shl => r < 0 ? throw new TengoRuntimeException("negative shift count") : TengoInt.From(r >= 64 ? 0 : l << (int)r),
        Token.Shr => r < 0 ? throw new TengoRuntimeException("negative shift count") : TengoInt.From(r >= 64 ? (l < 0 ? -1 : 0) : l >> (int)r),
        _ => Compare(op, l.CompareTo(r)),
    };

    private static TengoObject? FloatOp(Token op, double l, double r) => op switch
    {
        Token.Add => new TengoFloat(l + r),
        Token.Sub => new TengoFloat(l - r),
        Token.Mul => new TengoFloat(l * r),
        Token.Quo => new TengoFloat(l / r),
        // NaN compares false with everything, as in Go.
        Token.Less => TengoBool.From(l < r),
        Token.LessEq => TengoBool.From(l <= r),
        Token.Greater => TengoBool.From(l > r),
        Token.GreaterEq => TengoBool.From(l >= r),
        _ => null,
    };

    private static TengoBool? Compare(Token op, int comparison) => op switch
    {
        Token.Less => TengoBool.From(comparison < 0),
        Token.LessEq => TengoBool.From(comparison <= 0),
        Token.Greater => TengoBool.From(comparison > 0),
        Token.GreaterEq => TengoBool.From(comparison >= 0),
        _ => null,
    };

    public static TengoObject Minus(TengoObject operand) => operand switch
    {
        TengoInt i => TengoInt.From(unchecked(-i.Value)),
        TengoFloat f => new TengoFloat(-f.Value),
        _ => throw new TengoRuntimeException($"invalid operation: -{operand.TypeName}"),
    };

    public static TengoObject Complement(TengoObject operand) => operand switch
    {
        TengoInt i => TengoInt.From(~i.Value),
        _ => throw new TengoRuntimeException($"invalid operation: ^{operand.TypeName}"),
    };

    public static TengoObject Index(TengoObject target, TengoObject index)
    {
        switch (target)
        {
            case TengoArray array:
                return index is TengoInt i
                    ? (i.Value >= 0 && i.Value < array.Count ? array[(int)i.Value] : TengoUndefined.Instance)
                    : throw InvalidIndexType(index);
            case TengoMap map:
                return index is TengoString key
                    ? (map.Entries.TryGetValue(key.Value, out var value) ? value : TengoUndefined.Instance)
                    : throw InvalidIndexType(index);
            case TengoString s:
                if (index is not TengoInt position) throw InvalidIndexType(index);
                if (s.IsAscii)
                {
                    return position.Value >= 0 && position.Value < s.Value.Length ? new TengoChar(s.Value[(int)position.Value]) : TengoUndefined.Instance;
                }

                var runes = s.Runes;
                return position.Value >= 0 && position.Value < runes.Length ? new TengoChar(runes[position.Value]) : TengoUndefined.Instance;
            case TengoBytes bytes:
                return index is TengoInt b
                    ? (b.Value >= 0 && b.Value < bytes.Value.Length ? TengoInt.From(bytes.Value[b.Value]) : TengoUndefined.Instance)
                    : throw InvalidIndexType(index);
            case TengoError error:
                return index is TengoString { Value: "value" } ? error.Value : throw new TengoRuntimeException("invalid index on error");
            case TengoUndefined:
                return TengoUndefined.Instance;
            default:
                throw new TengoRuntimeException($"not indexable: {target.TypeName}");
        }
    }

    public static void IndexSet(TengoVm vm, TengoObject target, TengoObject index, TengoObject value)
    {
        switch (target)
        {
            case TengoArray { IsImmutable: false } array:
                if (index is not TengoInt i) throw InvalidIndexType(index);
                if (i.Value < 0 || i.Value >= array.Count) throw new TengoRuntimeException("index out of bounds");
                array.Set(vm, (int)i.Value, value);
                return;
            case TengoMap { IsImmutable: false } map:
                if (index is not TengoString key) throw InvalidIndexType(index);
                map.Entries[key.Value] = value;
                return;
            default:
                throw new TengoRuntimeException($"not index-assignable: {target.TypeName}");
        }
    }

    private static TengoRuntimeException InvalidIndexType(TengoObject index) => new($"invalid index type: {index.TypeName}");

    public static TengoObject Slice(TengoVm vm, TengoObject target, TengoObject low, TengoObject high)
    {
        var length = target switch
        {
            TengoArray a => a.Count,
            TengoString s => s.ByteLength,
            TengoBytes b => b.Value.Length,
            _ => throw new TengoRuntimeException($"not indexable: {target.TypeName}"),
        };

        // As the reference: the bounds are compared as written (a[:-1] and a[7:] on three elements
        // are errors), then clamped to the value (a[-1:2] is a[0:2]).
        var from = Bound(low, 0);
        var to = Bound(high, length);
        if (from > to)
        {
            throw new TengoRuntimeException($"invalid slice index: {from} > {to}");
        }

        var start = (int)Math.Clamp(from, 0, length);
        var end = (int)Math.Clamp(to, 0, length);
        return target switch
        {
            TengoArray a => vm.NewArray(a.Range(start, end)),
            TengoString s => vm.NewString(s.SliceBytes(start, end)),
            _ => vm.NewBytes(((TengoBytes)target).Value[start..end]),
        };
    }

    private static long Bound(TengoObject value, long fallback) => value switch
    {
        TengoUndefined => fallback,
        TengoInt i => i.Value,
        _ => throw new TengoRuntimeException($"invalid slice index type: {value.TypeName}"),
    };

    /// <summary>What <c>immutable()</c> returns: arrays and maps become read-only (one level deep); other values are already.</summary>
    public static TengoObject Immutable(TengoObject value) => value switch
    {
        TengoArray { IsImmutable: false } array => array.AsImmutable(),
        TengoMap { IsImmutable: false } map => new TengoMap(map.Entries, immutable: true),
        _ => value,
    };
}
