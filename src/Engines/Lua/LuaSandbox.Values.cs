using System.Text;
using KeraLua;
using LlmSpell.Errors;
using LlmSpell.Running.Bridge;
using LlmSpell.Values;
using LuaState = KeraLua.Lua;

namespace LlmSpell.Engines.Lua;

/// <summary>The value bridge: spell values onto the Lua stack and back.</summary>
internal sealed partial class LuaSandbox
{

    private static void PushString(LuaState lua, string text) => lua.PushBuffer(Encoding.UTF8.GetBytes(text));

    /// <summary>A string on the stack, as raw bytes decoded leniently (for messages).</summary>
    private static string ReadString(LuaState lua, int index) =>
        lua.Type(index) == LuaType.String ? Encoding.UTF8.GetString(lua.ToBuffer(index, false) ?? []) : "";

    /// <summary>
    /// Pushes a host value. Null is nil at the top level (so <c>x == nil</c> works) and
    /// <c>json.null</c> inside lists and maps (so positions and keys survive).
    /// </summary>
    private void PushValue(LuaState lua, SpellValue value) => new ValueBuilder(this, lua).Build(value);

    /// <summary>Pushes the Lua wrapper of a host function, made by the bootstrap's bind like every API function.</summary>
    private void PushHostFunction(LuaState lua, SpellHostFunction host)
    {
        if (!_hostFunctionIds.TryGetValue(host, out var id))
        {
            id = _functions.Count;
            _functions.Add(host.Function);
            _hostFunctionIds[host] = id;
        }

        lua.RawGetInteger(LuaRegistry.Index, _bindReference);
        lua.PushInteger(id);
        if (lua.PCall(1, 1, 0) != LuaStatus.OK)
        {
            var message = ReadString(lua, -1);
            lua.Pop(1);
            throw new SpellException(SpellErrorCode.HostError, "cannot bind a host function: " + message);
        }
    }

    private SpellValue ReadValue(LuaState lua, int index, int depth, bool allowFunctions) =>
        ReadNode(lua, index, depth, allowFunctions, new ConversionBudget(_context.Limits.MaxMemoryBytes));

    private SpellValue ReadNode(LuaState lua, int index, int depth, bool allowFunctions, ConversionBudget budget)
    {
        index = lua.AbsIndex(index);
        switch (lua.Type(index))
        {
            case LuaType.None:
            case LuaType.Nil:
                budget.Scalar();
                return SpellValue.Null;
            case LuaType.Boolean:
                budget.Scalar();
                return SpellValue.From(lua.ToBoolean(index));
            case LuaType.Number:
                budget.Scalar();
                return lua.IsInteger(index) ? SpellValue.From(lua.ToInteger(index)) : SpellValue.From(lua.ToNumber(index));
            case LuaType.String:
                var bytes = lua.ToBuffer(index, false) ?? [];
                budget.Text(bytes.Length);
                try
                {
                    return SpellValue.From(StrictUtf8.GetString(bytes));
                }
                catch (DecoderFallbackException)
                {
                    // Lua strings are byte strings; those that are not text cross as bytes.
                    return SpellValue.FromBytes(bytes);
                }

            case LuaType.LightUserData when lua.ToUserData(index) == IntPtr.Zero:
                return SpellValue.Null;
            case LuaType.Table:
                return ReadTable(lua, index, depth, allowFunctions, budget);
            case LuaType.Function when allowFunctions:
                lua.PushCopy(index);
                return new LuaCallback(this, lua.Ref(LuaRegistry.Index));
            case LuaType.Function:
                throw BridgeErrors.FunctionCannotLeave();
            default:
                throw BridgeErrors.CannotCross("Lua", lua.TypeName(index));
        }
    }

    private SpellValue ReadTable(LuaState lua, int index, int depth, bool allowFunctions, ConversionBudget budget)
    {
        // The table's entries are one level deeper than the table.
        BridgeErrors.CheckDepth(depth + 1);
        if (!lua.CheckStack(4))
        {
            throw BridgeErrors.TooDeep();
        }

        var markedList = false;
        if (lua.GetMetaTable(index))
        {
            lua.RawGetInteger(LuaRegistry.Index, _listMetatableReference);
            markedList = lua.RawEqual(-1, -2);
            lua.Pop(2);
        }

        var length = (long)lua.RawLen(index);
        long count = 0;
        var sequence = true;
        lua.PushNil();
        while (lua.Next(index))
        {
            count++;
            if (lua.Type(-2) != LuaType.Number || !lua.IsInteger(-2) || lua.ToInteger(-2) is var key && (key < 1 || key > length))
            {
                sequence = false;
            }

            lua.Pop(1);
        }

        budget.Container(count);
        if (sequence && (count > 0 || markedList) && count == length)
        {
            var items = new SpellValue[length];
            for (var i = 0; i < length; i++)
            {
                lua.RawGetInteger(index, i + 1);
                items[i] = ReadNode(lua, -1, depth + 1, allowFunctions, budget);
                lua.Pop(1);
            }

            return new SpellList(items);
        }

        var entries = new List<KeyValuePair<string, SpellValue>>((int)Math.Min(count, 1 << 16));
        lua.PushNil();
        while (lua.Next(index))
        {
            // Only string keys are read as keys; lua_tolstring on a number key would corrupt lua_next.
            if (lua.Type(-2) != LuaType.String)
            {
                var what = lua.Type(-2) == LuaType.Number ? $"key {(lua.IsInteger(-2) ? lua.ToInteger(-2).ToString(System.Globalization.CultureInfo.InvariantCulture) : "(a float)")}" : $"a {lua.TypeName(-2)} key";
                lua.Pop(2);
                throw new SpellException(SpellErrorCode.BadArgument, $"cannot convert a table with {what}: maps need string keys, and lists must run 1..n without holes");
            }

            var name = ReadString(lua, -2);
            budget.Text(name.Length);
            entries.Add(new(name, ReadNode(lua, -1, depth + 1, allowFunctions, budget)));
            lua.Pop(1);
        }

        // Lua tables have no order; sorting makes a spell's output the same on every run.
        entries.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new SpellMap(entries);
    }

    /// <summary>Spell values as Lua makes them, pushed on the stack of one Lua thread.</summary>
    private sealed class ValueBuilder(LuaSandbox sandbox, LuaState lua) : ScriptValueBuilder<LuaType>
    {
        protected override string Language => "Lua";

        protected override LuaType FromNull(int depth)
        {
            Room();
            if (depth > 0)
            {
                lua.PushLightUserData(IntPtr.Zero);
                return LuaType.LightUserData;
            }

            lua.PushNil();
            return LuaType.Nil;
        }

        protected override LuaType FromBool(bool value) => Push(static (l, v) => l.PushBoolean(v), value, LuaType.Boolean);

        protected override LuaType FromInt(long value) => Push(static (l, v) => l.PushInteger(v), value, LuaType.Number);

        protected override LuaType FromFloat(double value) => Push(static (l, v) => l.PushNumber(v), value, LuaType.Number);

        protected override LuaType FromString(string value) => Push(PushString, value, LuaType.String);

        protected override LuaType FromBytes(ReadOnlyMemory<byte> value) => Push(static (l, v) => l.PushBuffer(v.ToArray()), value, LuaType.String);

        protected override LuaType FromList(SpellList list, int depth)
        {
            Room();
            lua.CreateTable(list.Count, 0);
            for (var i = 0; i < list.Count; i++)
            {
                Build(list[i], depth + 1);
                lua.RawSetInteger(-2, i + 1);
            }

            lua.RawGetInteger(LuaRegistry.Index, sandbox._listMetatableReference);
            lua.SetMetaTable(-2);
            return LuaType.Table;
        }

        protected override LuaType FromMap(SpellMap map, int depth)
        {
            Room();
            lua.CreateTable(0, map.Count);
            foreach (var (key, item) in map)
            {
                PushString(lua, key);
                Build(item, depth + 1);
                lua.RawSet(-3);
            }

            return LuaType.Table;
        }

        protected override LuaType FromHostFunction(SpellHostFunction host)
        {
            Room();
            sandbox.PushHostFunction(lua, host);
            return LuaType.Function;
        }

        protected override bool TryOwnCallback(SpellValue value, out LuaType script)
        {
            script = LuaType.None;
            if (!ScriptCallbacks.TryUnwrap<LuaSandbox, int>(value, sandbox, out var reference))
            {
                return false;
            }

            script = Push(static (l, r) => l.RawGetInteger(LuaRegistry.Index, r), reference, LuaType.Function);
            return true;
        }

        // Static pushers: no delegate is allocated per value.
        private LuaType Push<TValue>(Action<LuaState, TValue> push, TValue value, LuaType type)
        {
            Room();
            push(lua, value);
            return type;
        }

        // Every push needs stack slots; a nest too deep for the C stack is as deep as too deep.
        private void Room()
        {
            if (!lua.CheckStack(3))
            {
                throw BridgeErrors.TooDeep();
            }
        }
    }
}
