using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using KeraLua;
using LlmSpell.Api;
using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Running.Bridge;
using LlmSpell.Values;
using LuaState = KeraLua.Lua;

namespace LlmSpell.Engines.Lua;

/// <summary>
/// One native Lua 5.4 state for one run, bound to the spell API.
/// </summary>
/// <remarks>
/// The rules that keep native Lua safe under .NET (engines.md): Lua is entered only through
/// lua_pcall; no managed callback ever raises a Lua error (they return (ok, result) and Lua code in
/// Bootstrap.lua raises), and lua_resume, as protected, starts and continues fibers
/// (LuaSandbox.Fibers.cs); limits stop the script from Lua code installed by <c>trip</c>; memory is
/// bounded by <see cref="LuaMemoryBudget"/>; every delegate handed to native code lives in a field.
/// Inside callbacks only API functions that cannot raise are used (raw gets and sets, pushes under
/// the suspended memory budget, lua_checkstack before pushing).
/// </remarks>
internal sealed partial class LuaSandbox : IDisposable, IScriptSandbox<int>
{
    /// <summary>VM instructions between two checks of the limits.</summary>
    private const int HookInterval = 1000;
    private const int DebugRecordBytes = 512;
    private static readonly string BootstrapSource = ReadBootstrap();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ISpellRun _context;
    private readonly LuaMemoryBudget _memory;
    private readonly LuaAlloc _allocate;
    private readonly LuaHookFunction _hook;
    private readonly LuaFunction _hostCall;
    private readonly LuaFunction _hostPrint;
    private readonly LuaState _main;
    private readonly Dictionary<IntPtr, LuaState> _threads = [];
    // API functions first, then host functions handed to the spell as values (agents' run…).
    private readonly List<SpellFunction> _functions;
    private readonly Dictionary<SpellHostFunction, int> _hostFunctionIds = new(ReferenceEqualityComparer.Instance);
    private readonly IntPtr _debugRecord;
    private int _runReference;
    private int _tripReference;
    private int _listMetatableReference;
    private int _bindReference;
    private long _instructions;
    private SpellLocation? _tripLocation;
    private bool _disposed;

    public LuaSandbox(ISpellRun context)
    {
        _context = context;
        _memory = new LuaMemoryBudget(context.Limits.MaxMemoryBytes);
        _allocate = _memory.Allocate;
        _hook = OnHook;
        _hostCall = HostCall;
        _hostPrint = HostPrint;
        _functions = [.. context.Api.Modules.SelectMany(m => m.Functions)];
        _debugRecord = Marshal.AllocHGlobal(DebugRecordBytes);
        _main = new LuaState(_allocate, IntPtr.Zero);
        _threads[_main.Handle] = _main;

        // Setting up runs unprotected, so it must never meet the budget.
        _memory.HostDepth++;
        try
        {
            OpenLibraries();
            RunBootstrap();
        }
        finally
        {
            _memory.HostDepth--;
        }

        _main.SetHook(_hook, LuaHookMask.Count, HookInterval);
    }

    public ISpellRun Context => _context;

    /// <summary>Runs <paramref name="source"/>, the script's text as it is loaded (the engine may have rewritten it, keeping its lines).</summary>
    public SpellValue Run(SpellScript script, string source)
    {
        var lua = _main;
        lua.SetTop(0);
        lua.RawGetInteger(LuaRegistry.Index, _runReference);
        _memory.HostDepth++;
        PushString(lua, source);
        PushString(lua, "@" + script.Name);
        PushValue(lua, _context.Input);
        _memory.HostDepth--;

        var status = lua.PCall(3, 4, 0);

        _memory.HostDepth++;
        try
        {
            if (status != LuaStatus.OK)
            {
                throw Failure(lua, -1, trace: null);
            }

            if (lua.ToBoolean(-4))
            {
                // A limit is final even when the spell caught the error it raised.
                if (_context.TrippedLimit is not null || _memory.Exceeded)
                {
                    throw Failure(lua, -3, trace: null);
                }

                return ReadValue(lua, -3, depth: 0, allowFunctions: false);
            }

            if (ReadString(lua, -3) == "syntax")
            {
                var (location, message) = SplitLocation(ReadString(lua, -2));
                throw new SpellException(new SpellError(SpellErrorCode.SyntaxError, message, location));
            }

            throw Failure(lua, -2, lua.Type(-1) == LuaType.String ? ReadString(lua, -1) : null);
        }
        finally
        {
            _memory.HostDepth--;
        }
    }

    /// <summary>
    /// An error raised as a table ({ code, message }) says nothing of where it was raised; the host
    /// reports it at the line the failing function was defined, so the author can find it.
    /// </summary>
    private SpellException WithDefinitionSite(SpellException failure, LuaState lua, int reference)
    {
        if (failure.Error.Location is not null || failure.Error.IsLimit || !lua.CheckStack(2))
        {
            return failure;
        }

        lua.RawGetInteger(LuaRegistry.Index, reference);
        var debug = new LuaDebug();
        return lua.GetInfo(">S", ref debug) && debug.LineDefined > 0
            ? new SpellException(failure.Error with { Location = new SpellLocation(_context.Script.Name, debug.LineDefined) })
            : failure;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        AbandonFibers();
        foreach (var thread in _threads.Values)
        {
            if (!ReferenceEquals(thread, _main))
            {
                // A wrapper of a coroutine must never close the state from a finalizer.
#pragma warning disable CA1816 // Deliberately another object's finalizer: see above.
                GC.SuppressFinalize(thread);
#pragma warning restore CA1816
            }
        }

        _memory.HostDepth++;
        _main.Dispose();
        Marshal.FreeHGlobal(_debugRecord);
    }

    private void OpenLibraries()
    {
        _main.OpenBasicLibrary();
        _main.OpenTableLibrary();
        _main.OpenStringLibrary();
        _main.OpenMathLibrary();
        _main.OpenUTF8Library();
        _main.OpenCoroutineLibrary();
        _main.OpenOSLibrary();
        _main.OpenDebugLibrary();
        _main.SetTop(0);
    }

    private void RunBootstrap()
    {
        var lua = _main;
        if (lua.LoadString(BootstrapSource, "=llmspell") != LuaStatus.OK)
        {
            throw new InvalidOperationException("the Lua bootstrap does not compile: " + ReadString(lua, -1));
        }

        lua.PushCFunction(_hostCall);
        lua.PushCFunction(_hostPrint);
        PushModuleTable(lua);
        lua.PushLightUserData(IntPtr.Zero);
        if (lua.PCall(4, 4, 0) != LuaStatus.OK)
        {
            throw new InvalidOperationException("the Lua bootstrap failed: " + ReadString(lua, -1));
        }

        _bindReference = lua.Ref(LuaRegistry.Index);
        _listMetatableReference = lua.Ref(LuaRegistry.Index);
        _tripReference = lua.Ref(LuaRegistry.Index);
        _runReference = lua.Ref(LuaRegistry.Index);
    }

    /// <summary>{ { name = "json", functions = { { name = "encode", id = 0 }, … } }, … }</summary>
    private void PushModuleTable(LuaState lua)
    {
        var modules = _context.Api.Modules;
        lua.CreateTable(modules.Count, 0);
        var id = 0;
        for (var m = 0; m < modules.Count; m++)
        {
            lua.CreateTable(0, 2);
            PushString(lua, modules[m].Name);
            lua.SetField(-2, "name");
            lua.CreateTable(modules[m].Functions.Count, 0);
            for (var f = 0; f < modules[m].Functions.Count; f++)
            {
                lua.CreateTable(0, 2);
                PushString(lua, modules[m].Functions[f].Name);
                lua.SetField(-2, "name");
                lua.PushInteger(id++);
                lua.SetField(-2, "id");
                lua.RawSetInteger(-2, f + 1);
            }

            lua.SetField(-2, "functions");
            lua.RawSetInteger(-2, m + 1);
        }
    }

    private LuaState Wrap(IntPtr state)
    {
        if (!_threads.TryGetValue(state, out var lua))
        {
            lua = LuaState.FromIntPtr(state);
            _threads[state] = lua;
        }

        return lua;
    }

    // ---- Entry points from native code. None may throw or raise. ----

    private void OnHook(IntPtr state, IntPtr debug)
    {
        try
        {
            _instructions += HookInterval;
            var lua = Wrap(state);
            var limit = _context.TrippedLimit ?? CheckLimits(lua);
            if (limit is not null)
            {
                Trip(lua, limit);
            }
        }
#pragma warning disable CA1031 // Nothing may escape into native code.
        catch (Exception)
#pragma warning restore CA1031
        {
            // The limit, if any, is already recorded in the context; the next hook retries the trip.
        }
    }

    private SpellError? CheckLimits(LuaState lua)
    {
        var limits = _context.Limits;
        if (_memory.Exceeded)
        {
            return MemoryLimit();
        }

        if (_instructions > limits.MaxInstructions)
        {
            return new SpellError(SpellErrorCode.InstructionLimit, $"the spell ran more than {limits.MaxInstructions} instructions");
        }

        if (_context.CancellationToken.IsCancellationRequested)
        {
            return _context.Stopped().Error;
        }

        // lua_getstack succeeds only when the call stack is at least that deep.
        if (lua.GetStack(limits.MaxRecursionDepth, _debugRecord) != 0)
        {
            return RecursionLimit();
        }

        return null;
    }

    private int HostCall(IntPtr state) => Enter(state, static (sandbox, lua) =>
    {
        var id = lua.ToInteger(1);
        if (id < 0 || id >= sandbox._functions.Count)
        {
            throw new InvalidOperationException($"unknown host function id {id}");
        }

        var function = sandbox._functions[(int)id];
        var arguments = new SpellValue[Math.Max(0, lua.GetTop() - 1)];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = sandbox.ReadValue(lua, i + 2, depth: 0, allowFunctions: true);
        }

        var pending = function.InvokeAsync(sandbox._context, arguments);
        if (!pending.IsCompleted && lua.IsYieldable && sandbox._fibers.TryGetValue(lua.Handle, out var fiber))
        {
            // A fiber yields while the call runs, so the sandbox thread can run the others (LuaSandbox.Fibers.cs).
            fiber.Waiting = pending.AsTask();
            return Suspended;
        }

        return sandbox._context.Await(pending);
    });

    private int HostPrint(IntPtr state) => Enter(state, static (sandbox, lua) =>
    {
        sandbox._context.Output.WriteLine(ReadString(lua, 1));
        return SpellValue.Null;
    });

    /// <summary>The frame of every host call: returns (true, result) or (false, error table) to the Lua wrapper.</summary>
    private int Enter(IntPtr state, Func<LuaSandbox, LuaState, SpellValue> body)
    {
        LuaState? lua = null;
        _memory.HostDepth++;
        try
        {
            lua = Wrap(state);
            if (_context.TrippedLimit is { } limit)
            {
                return PushFailure(lua, limit);
            }

            var result = body(this, lua);
            if (ReferenceEquals(result, Suspended))
            {
                PushString(lua, SuspendedMarker);
                return 1;
            }

            if (!lua.CheckStack(4))
            {
                return PushFailure(lua, new SpellError(SpellErrorCode.RecursionLimit, "the Lua stack is full"));
            }

            lua.PushBoolean(true);
            PushValue(lua, result);
            return 2;
        }
#pragma warning disable CA1031 // Every failure becomes a Lua-side error; nothing may escape into native code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (lua is null)
            {
                return 0;
            }

            try
            {
                return PushFailure(lua, _context.ToSpellException(ex).Error);
            }
#pragma warning disable CA1031
            catch (Exception)
#pragma warning restore CA1031
            {
                return 0;
            }
        }
        finally
        {
            _memory.HostDepth--;
        }
    }

    private int PushFailure(LuaState lua, SpellError error)
    {
        if (error.IsLimit)
        {
            Trip(lua, error);
        }

        lua.SetTop(0);
        lua.PushBoolean(false);
        PushErrorTable(lua, error);
        return 2;
    }

    private static void PushErrorTable(LuaState lua, SpellError error)
    {
        lua.CreateTable(0, 2);
        PushString(lua, error.Code);
        lua.SetField(-2, "code");
        PushString(lua, error.Message);
        lua.SetField(-2, "message");
    }

    /// <summary>Records the limit and makes the running coroutine raise on every instruction from now on.</summary>
    private void Trip(LuaState lua, SpellError limit)
    {
        _context.Trip(limit);
        if (!lua.CheckStack(3))
        {
            return;
        }

        var top = lua.GetTop();
        _memory.HostDepth++;
        try
        {
            lua.RawGetInteger(LuaRegistry.Index, _tripReference);
            if (lua.PCall(0, 2, 0) == LuaStatus.OK && lua.Type(-2) == LuaType.String && lua.IsInteger(-1))
            {
                _tripLocation ??= new SpellLocation(ReadString(lua, -2), (int)lua.ToInteger(-1));
            }
        }
        finally
        {
            _memory.HostDepth--;
            lua.SetTop(top);
        }
    }

    // ---- Errors ----

    /// <summary>The error for a failed call, from the value Lua raised at <paramref name="index"/>.</summary>
    private SpellException Failure(LuaState lua, int index, string? trace)
    {
        if (_context.TrippedLimit is { } limit)
        {
            return new SpellException(limit.Location is null ? limit with { Location = _tripLocation } : limit);
        }

        if (_memory.Exceeded)
        {
            return _context.Trip(MemoryLimit() with { Location = _tripLocation });
        }

        index = lua.AbsIndex(index);
        switch (lua.Type(index))
        {
            case LuaType.String:
                var (location, message) = SplitLocation(ReadString(lua, index));
                if (message.Contains("stack overflow", StringComparison.Ordinal))
                {
                    return _context.Trip(RecursionLimit() with { Location = location });
                }

                return new SpellException(new SpellError(SpellErrorCode.RuntimeError, message, location, trace));
            case LuaType.Table:
                var code = RawField(lua, index, "code") as SpellString;
                var text = RawField(lua, index, "message") as SpellString;
                var file = RawField(lua, index, "file") as SpellString;
                var line = RawField(lua, index, "line");
                var where = file is null ? null : new SpellLocation(file.Value, line is SpellInt i ? (int)i.Value : 0);
                return new SpellException(new SpellError(code?.Value ?? SpellErrorCode.RuntimeError, text?.Value ?? "the spell raised a table without a message", where, trace));
            default:
                return new SpellException(new SpellError(SpellErrorCode.RuntimeError, $"the spell raised a {lua.TypeName(index)} value", null, trace));
        }
    }

    private static SpellValue RawField(LuaState lua, int table, string name)
    {
        lua.CheckStack(2);
        PushString(lua, name);
        lua.RawGet(table);
        var value = lua.Type(-1) switch
        {
            LuaType.String => SpellValue.From(ReadString(lua, -1)),
            LuaType.Number when lua.IsInteger(-1) => SpellValue.From(lua.ToInteger(-1)),
            _ => SpellValue.Null,
        };
        lua.Pop(1);
        return value;
    }

    private SpellError MemoryLimit() =>
        new(SpellErrorCode.MemoryLimit, $"the spell used more than {_context.Limits.MaxMemoryBytes / (1024 * 1024)} MiB of memory");

    private SpellError RecursionLimit() =>
        new(SpellErrorCode.RecursionLimit, $"the spell nested calls deeper than {_context.Limits.MaxRecursionDepth}");

    [GeneratedRegex(@"^(?<file>[^\n]+?):(?<line>\d+): (?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex LocationPrefix();

    /// <summary>Lua writes "file:line: message"; we keep the two apart.</summary>
    internal static (SpellLocation? Location, string Message) SplitLocation(string text)
    {
        var match = LocationPrefix().Match(text);
        return match.Success
            ? (new SpellLocation(match.Groups["file"].Value, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)), match.Groups["message"].Value)
            : (null, text);
    }

    private static string ReadBootstrap()
    {
        using var stream = typeof(LuaSandbox).Assembly.GetManifestResourceStream("LlmSpell.Engines.Lua.Bootstrap.lua")
            ?? throw new InvalidOperationException("Bootstrap.lua is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
