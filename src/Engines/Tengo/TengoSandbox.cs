using System.Globalization;
using System.Text;
using LlmSpell.Api;
using LlmSpell.Engines.Tengo.Language;
using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Running.Bridge;
using LlmSpell.Values;

namespace LlmSpell.Engines.Tengo;

/// <summary>
/// One Tengo VM for one run, bound to the spell API. Each API module is importable by the names
/// <see cref="ApiImports"/> gives (<c>llm := import("llm")</c>, <c>import("llmspell/json")</c>). A failing API call returns a Tengo error value whose <c>.value</c> is
/// <c>{code, message}</c>, as Tengo functions report failure; limits end the run and cannot be observed.
/// </summary>
internal sealed partial class TengoSandbox : IScriptSandbox<TengoObject>
{
    private readonly ISpellRun _context;
    private readonly TengoVm _vm;
    private readonly ValueBuilder _values;
    private readonly StringBuilder _pendingOutput = new();
    private readonly Dictionary<SpellModule, TengoMap> _bound = [];

    public TengoSandbox(ISpellRun context)
    {
        _context = context;
        var limits = context.Limits;
        _values = new ValueBuilder(this);
        _vm = new TengoVm(new TengoRuntimeOptions
        {
            MaxInstructions = limits.MaxInstructions,
            MaxAllocationBytes = limits.MaxMemoryBytes,
            MaxFrames = limits.MaxRecursionDepth,
            MaxStringLength = (int)Math.Min(limits.MaxMemoryBytes / 2, int.MaxValue / 2),
            CancellationToken = context.CancellationToken,
            Write = Write,
            Checkpoint = ThrowIfTripped,
            HostModules = ApiImports.Of(context.Api.Modules).ToDictionary(i => i.Name, i => (Func<TengoVm, TengoObject>)(_ => Bound(i.Module)), StringComparer.Ordinal),
        });
    }

    public ISpellRun Context => _context;

    public SpellValue Run(TengoProgram program)
    {
        try
        {
            var result = _vm.Run(program, [_values.Build(_context.Input)]);
            FlushOutput();
            ThrowIfTripped();
            return Outcome(result);
        }
        catch (Exception ex) when (ex is not SpellException)
        {
            throw Translate(ex);
        }
        finally
        {
            AbandonFibers();
        }
    }

    /// <summary>What a finished script or function gives the host: its value, or the failure an error value describes.</summary>
    private SpellValue Outcome(TengoObject result) => result is TengoError error
        ? throw new SpellException(ErrorFrom(error, Location(error.Origin ?? _vm.ReturnedFrom)))
        : ToSpell(result, 0, allowFunctions: false);

    /// <summary>
    /// Tengo checks arity strictly, but the host passes what it has (a tool handler gets its arguments,
    /// a step its input); extra arguments are dropped and missing ones are undefined.
    /// </summary>
    private static List<TengoObject> FitArguments(TengoObject function, List<TengoObject> values)
    {
        if (function is not TengoClosure closure || closure.Function.VarArgs)
        {
            return values;
        }

        var wanted = closure.Function.NumParameters;
        if (values.Count > wanted) values.RemoveRange(wanted, values.Count - wanted);
        while (values.Count < wanted) values.Add(TengoUndefined.Instance);
        return values;
    }

    // ---- Output ----

    private void Write(string text)
    {
        try
        {
            _pendingOutput.Append(text);

            // Only text with a line end completes lines; anything else just waits in the buffer.
            var newline = text.Contains('\n', StringComparison.Ordinal) ? _pendingOutput.ToString().LastIndexOf('\n') : -1;
            if (newline < 0)
            {
                // A line already longer than the whole output budget is handed to the run's output,
                // which refuses it with its own output_limit error and writes none of it.
                if (_pendingOutput.Length > _context.Limits.MaxOutputBytes)
                {
                    FlushOutput();
                }

                return;
            }

            var complete = _pendingOutput.ToString(0, newline);
            _pendingOutput.Remove(0, newline + 1);
            foreach (var line in complete.Split('\n'))
            {
                _context.Output.WriteLine(line);
            }
        }
        catch (SpellException ex)
        {
            throw _context.ToSpellException(ex);
        }
    }

    private void FlushOutput()
    {
        if (_pendingOutput.Length > 0)
        {
            var rest = _pendingOutput.ToString();
            _pendingOutput.Clear();
            _context.Output.WriteLine(rest);
        }
    }

    // ---- The spell API ----

    // One map per module, whichever name imported it: import("log").info == import("llmspell/log").info.
    private TengoMap Bound(SpellModule module)
    {
        if (!_bound.TryGetValue(module, out var map))
        {
            map = BindModule(module);
            _bound[module] = map;
        }

        return map;
    }

    private TengoMap BindModule(SpellModule module)
    {
        var entries = new Dictionary<string, TengoObject>(StringComparer.Ordinal);
        foreach (var function in module.Functions)
        {
            entries[function.Name] = HostFunction(function);
        }

        return new TengoMap(entries, immutable: true);
    }

    private TengoBuiltin HostFunction(SpellFunction function) =>
        new(function.QualifiedName, (_, arguments) => Invoke(function, arguments));

    private TengoObject Invoke(SpellFunction function, ReadOnlySpan<TengoObject> arguments)
    {
        ThrowIfTripped();

        // A Tengo function goes on after a failed call (errors are values), so a cancelled branch is
        // ended at its next call instead: the failure unwinds its fiber.
        if (SpellBranch.CancelledCall() is { } cancelled)
        {
            throw cancelled;
        }
        var values = new SpellValue[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            values[i] = ToSpell(arguments[i], 0, allowFunctions: true);
        }

        ValueTask<SpellValue> pending;
        try
        {
            pending = function.InvokeAsync(_context, values);
        }
        catch (Exception ex)
        {
            // A refusal before any work starts (a bad argument) takes the same path as a failed call.
            pending = ValueTask.FromException<SpellValue>(ex);
        }

        if (!pending.IsCompleted && _vm.CanSuspend)
        {
            // A fiber waits without holding the sandbox thread (TengoSandbox.Fibers.cs).
            return _vm.Suspend(pending.AsTask());
        }

        return Received(() => _context.Await(pending));
    }

    /// <summary>The value a host call gives the script: its result, or an error value; a limit ends the run.</summary>
    private TengoObject Received(Func<SpellValue> result)
    {
        try
        {
            var value = result();

            // A host call can end the run without failing (a workflow capture finishing): stop here.
            ThrowIfTripped();
            return _values.Build(value);
        }
        catch (Exception ex) when (ex is not TengoLimitException and not TengoRuntimeException)
        {
            var spell = _context.ToSpellException(ex);
            if (spell.Error.IsLimit)
            {
                throw spell;
            }

            return ErrorValue(spell.Error);
        }
    }

    private void ThrowIfTripped()
    {
        if (_context.TrippedLimit is { } limit)
        {
            throw new SpellException(limit);
        }
    }

    private static TengoError ErrorValue(SpellError error) => new(new TengoMap(
        new Dictionary<string, TengoObject>(StringComparer.Ordinal)
        {
            ["code"] = new TengoString(error.Code),
            ["message"] = new TengoString(error.Message),
        },
        immutable: true));

    // ---- Errors ----

    private SpellLocation? Location(TengoStackFrame frame) =>
        frame.Pos.IsKnown && frame.File == _context.Script.Name ? new SpellLocation(frame.File, frame.Pos.Line, frame.Pos.Column) : null;

    /// <summary>The error an error value describes: <c>{code, message}</c>, or any value as the message.</summary>
    private static SpellError ErrorFrom(TengoError error, SpellLocation? location)
    {
        if (error.Value is TengoMap map)
        {
            var code = map.Entries.TryGetValue("code", out var c) && c is TengoString cs ? cs.Value : SpellErrorCode.RuntimeError;
            var message = map.Entries.TryGetValue("message", out var m) ? Arguments.Text(m) : map.ToString();
            return new SpellError(code, message, location);
        }

        return new SpellError(SpellErrorCode.RuntimeError, Arguments.Text(error.Value), location);
    }

    private SpellException Translate(Exception ex)
    {
        FlushOutputQuietly();
        switch (ex)
        {
            case SpellException spell:
                return spell;
            case TengoRuntimeException runtime:
                var frame = runtime.Trace.FirstOrDefault(f => f.File == _context.Script.Name);
                return new SpellException(new SpellError(SpellErrorCode.RuntimeError, runtime.Message, Location(frame), runtime.Describe()));
            case TengoLimitException limit:
                return limit.Limit switch
                {
                    TengoLimit.Instructions => _context.Trip(new SpellError(SpellErrorCode.InstructionLimit, limit.Message)),
                    TengoLimit.Allocations or TengoLimit.StringSize => _context.Trip(new SpellError(SpellErrorCode.MemoryLimit, limit.Message)),
                    TengoLimit.Frames => _context.Trip(new SpellError(SpellErrorCode.RecursionLimit, limit.Message)),
                    TengoLimit.Timeout => _context.Trip(new SpellError(SpellErrorCode.Timeout, limit.Message)),
                    _ => _context.Stopped(),
                };
            case OperationCanceledException:
                return _context.Stopped();
            default:
                return _context.ToSpellException(ex);
        }
    }

    private void FlushOutputQuietly()
    {
        try
        {
            FlushOutput();
        }
        catch (SpellException)
        {
            // Over the output limit: what was printed before stays printed; the rest is dropped.
        }
    }
}
