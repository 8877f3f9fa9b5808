using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using LlmSpell.Api;
using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Running.Bridge;
using LlmSpell.Values;

namespace LlmSpell.Engines.JavaScript;

/// <summary>
/// One Jint engine for one run, bound to the spell API. Every constraint is set explicitly (Jint
/// enables none by default); the script sees purpose-built module objects, never CLR objects.
/// </summary>
/// <remarks>
/// Async API functions return Promises. Their host work completes on pool threads; the settlement is
/// posted to the run's <see cref="SpellDispatcher"/> and applied on the sandbox thread, which is the
/// only thread that ever touches the engine. That is the whole event loop: there are no timers.
/// </remarks>
internal sealed partial class JavaScriptSandbox : IDisposable, IScriptSandbox<JsValue>
{
    private const double MaxSafeInteger = 9007199254740991d;
    private static readonly Prepared<Acornima.Ast.Script> Prelude = Engine.PrepareScript(ReadResource("Prelude.js"), "llmspell-prelude.js", strict: true);
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private readonly ISpellRun _context;
    private readonly Engine _engine;
    private readonly JsValue _promiseThen;
    private readonly ValueBuilder _values;
    private int _outstandingHostCalls;

    public JavaScriptSandbox(ISpellRun context)
    {
        _context = context;
        _engine = new Engine(options => Configure(options, context));
        _values = new ValueBuilder(this);
        try
        {
            // Captured before any spell code runs, so a spell that replaces Promise.prototype.then
            // cannot hide its result from the host.
            _promiseThen = _engine.Evaluate("Promise.prototype.then");
            InstallPrelude();
            BindApi();
        }
        catch (Exception ex) when (ex is not SpellException)
        {
            // Setting up runs under the run's limits too: a deadline can pass before the spell starts.
            _engine.Dispose();
            throw Translate(ex);
        }
    }

    public ISpellRun Context => _context;

    public SpellValue Run(Prepared<Acornima.Ast.Script> script)
    {
        try
        {
            _engine.SetValue("input", _values.Build(_context.Input));
            var function = _engine.Evaluate(script);
            var result = AwaitValue(_engine.Call(function, JsValue.Undefined, []));

            // A last check catches what one built-in call overshot after the final statement.
            _engine.Constraints.Check();
            if (_context.TrippedLimit is { } limit)
            {
                throw new SpellException(limit);
            }

            return ToSpell(result, 0, allowFunctions: false);
        }
        catch (Exception ex) when (ex is not SpellException)
        {
            throw Translate(ex);
        }
    }

    /// <summary>
    /// Starts a spell function held by a <see cref="JsCallback"/>; on the sandbox thread only. The task
    /// ends when the function's promise settles — the sandbox's event loop (whoever awaits now) runs it
    /// meanwhile, so functions the host starts side by side overlap instead of each waiting on the
    /// stack above the one started before it.
    /// </summary>
    public Task<SpellValue> StartFunction(JsValue function, IReadOnlyList<SpellValue> arguments)
    {
        if (_context.TrippedLimit is { } limit)
        {
            throw new SpellException(limit);
        }

        try
        {
            var jsArguments = arguments.Select(a => _values.Build(a)).ToArray();
            var result = _engine.Call(function, JsValue.Undefined, jsArguments);
            if (!result.IsPromise())
            {
                return Task.FromResult(ToSpell(result, 0, allowFunctions: false));
            }

            var completion = new TaskCompletionSource<SpellValue>(TaskCreationOptions.RunContinuationsAsynchronously);
            WhenSettled(result,
                value => Complete(completion, () => ToSpell(value, 0, allowFunctions: false)),
                reason => Complete(completion, () => throw new SpellException(ErrorFromValue(reason, null))));
            return completion.Task;
        }
        catch (Exception ex) when (ex is not SpellException)
        {
            throw Translate(ex);
        }
    }

    /// <summary>Calls one of the two when <paramref name="promise"/> settles (then), running the jobs that are due at once.</summary>
    private void WhenSettled(JsValue promise, Action<JsValue> fulfilled, Action<JsValue> rejected)
    {
        var onFulfilled = new ClrFunction(_engine, "", (_, a) => { fulfilled(a.Length > 0 ? a[0] : JsValue.Undefined); return JsValue.Undefined; });
        var onRejected = new ClrFunction(_engine, "", (_, a) => { rejected(a.Length > 0 ? a[0] : JsValue.Undefined); return JsValue.Undefined; });
        _engine.Call(_promiseThen, promise, [onFulfilled, onRejected]);
        _engine.Advanced.ProcessTasks();
    }

    private void Complete(TaskCompletionSource<SpellValue> completion, Func<SpellValue> result)
    {
        try
        {
            completion.TrySetResult(result());
        }
#pragma warning disable CA1031 // Inside a promise reaction: every failure goes to the waiting host, none into Jint.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            completion.TrySetException(ex is SpellException spell ? spell : Translate(ex));
        }
    }

    public void Dispose() => _engine.Dispose();

    private void InstallPrelude()
    {
        var refuse = new ClrFunction(_engine, "refuse", (_, arguments) =>
            throw _context.Trip(new SpellError(SpellErrorCode.MemoryLimit, arguments.Length > 0 ? TypeConverter.ToString(arguments[0]) : "memory limit")));
        _engine.Call(_engine.Evaluate(Prelude), JsValue.Undefined, [new JsNumber(_context.Limits.MaxMemoryBytes), refuse]);
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(JavaScriptSandbox).Assembly.GetManifestResourceStream("LlmSpell.Engines.JavaScript." + name)
            ?? throw new InvalidOperationException(name + " is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Configure(Options options, ISpellRun context)
    {
        var limits = context.Limits;
        options.Strict = true;
        options.LimitMemory(limits.MaxMemoryBytes);
        options.TimeoutInterval(limits.Timeout);
        options.MaxStatements((int)Math.Min(limits.MaxInstructions, int.MaxValue));
        options.LimitRecursion(limits.MaxRecursionDepth);
        options.CancellationToken(context.CancellationToken);
        options.Constraints.RegexTimeout = RegexTimeout < limits.Timeout ? RegexTimeout : limits.Timeout;
        options.Constraints.MaxArraySize = (uint)Math.Clamp(limits.MaxMemoryBytes / 8, 1024, int.MaxValue);
        options.Host.StringCompilationAllowed = false;
        options.Json.MaxParseDepth = SpellValue.MaxDepth;
        options.ExperimentalFeatures = ExperimentalFeature.None;
        options.Constraint(new SandboxConstraint(context));
        options.Interop.Enabled = false;
        options.Interop.AllowGetType = false;
        options.Interop.AllowSystemReflection = false;
        options.Interop.AllowWrite = false;
        options.Interop.AllowOperatorOverloading = false;
        options.Interop.ExposeDetailedResolutionErrors = false;
        // Spells must behave the same on every machine.
        options.TimeZone = TimeZoneInfo.Utc;
        options.Culture = CultureInfo.InvariantCulture;
    }

    private void BindApi()
    {
        foreach (var module in _context.Api.Modules)
        {
            var target = new JsObject(_engine);
            foreach (var function in module.Functions)
            {
                DefineFixed(target, function.Name, new ClrFunction(_engine, function.Name, (_, arguments) => Invoke(function, arguments), function.Parameters.Count, PropertyFlag.Configurable));
            }

            if (module.Name == "json")
            {
                // The Lua adapter needs json.null and json.array; JavaScript has both natively, and
                // offering the same names keeps a spell portable by syntax alone.
                DefineFixed(target, "null", JsValue.Null);
                DefineFixed(target, "array", new ClrFunction(_engine, "array", (_, a) => a.Length > 0 && a[0].IsArray() ? a[0] : a.Length > 0 && !IsNothing(a[0]) ? throw new JavaScriptException(_engine.Intrinsics.TypeError, "json.array: argument 1 must be an array") : new JsArray(_engine), 1, PropertyFlag.Configurable));
            }

            target.PreventExtensions();
            _engine.SetValue(module.Name, target);
        }

        _engine.SetValue("print", new ClrFunction(_engine, "print", (_, arguments) => Print(arguments), 0, PropertyFlag.Configurable));
        var console = new JsObject(_engine);
        foreach (var name in new[] { "log", "info", "debug", "warn", "error" })
        {
            DefineFixed(console, name, new ClrFunction(_engine, name, (_, arguments) => Print(arguments), 0, PropertyFlag.Configurable));
        }

        console.PreventExtensions();
        _engine.SetValue("console", console);
    }

    private static bool IsNothing(JsValue value) => value.IsNull() || value.IsUndefined();

    private static void DefineFixed(ObjectInstance target, string name, JsValue value) =>
        target.DefineOwnProperty(name, new PropertyDescriptor(value, writable: false, enumerable: true, configurable: false));

    private JsValue Print(JsValue[] arguments)
    {
        try
        {
            _context.Output.WriteLine(string.Join(' ', arguments.Select(Describe)));
            return JsValue.Undefined;
        }
        catch (Exception ex) when (ex is not JavaScriptException)
        {
            throw Raise(ex);
        }
    }

    /// <summary>Text for print: strings as they are, plain data as JSON, anything else as JavaScript's String().</summary>
    private string Describe(JsValue value)
    {
        if (value.IsString())
        {
            return value.AsString();
        }

        if (value.IsObject() && value is not Function)
        {
            try
            {
                return SpellJson.Serialize(ToSpell(value, 0, allowFunctions: false));
            }
            catch (SpellException)
            {
                // Not plain data (a class instance, a cycle): fall back to its own string form.
            }
        }

        return TypeConverter.ToString(value);
    }

    // ---- Host calls ----

    private JsValue Invoke(SpellFunction function, JsValue[] arguments)
    {
        if (_context.TrippedLimit is { } limit)
        {
            throw new SpellException(limit);
        }

        if (!function.IsAsync)
        {
            try
            {
                var values = arguments.Select(a => ToSpell(a, 0, allowFunctions: true)).ToArray();
                var pending = function.InvokeAsync(_context, values);
                return _values.Build(_context.Await(pending));
            }
            catch (Exception ex) when (ex is not JavaScriptException)
            {
                throw Raise(ex);
            }
        }

        var promise = _engine.Advanced.RegisterPromise();
        try
        {
            var values = arguments.Select(a => ToSpell(a, 0, allowFunctions: true)).ToArray();
            var pending = function.InvokeAsync(_context, values);
            if (pending.IsCompleted)
            {
                promise.Resolve(_values.Build(pending.GetAwaiter().GetResult()));
                return promise.Promise;
            }

            _outstandingHostCalls++;
            pending.AsTask().ContinueWith(
                completed => _context.Dispatcher.Post(() =>
                {
                    _outstandingHostCalls--;
                    Settle(completed, promise.Resolve, promise.Reject);
                    _engine.Advanced.ProcessTasks();
                }),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        catch (Exception ex) when (ex is not JavaScriptException)
        {
            // Async functions reject rather than throw, as JavaScript's own do; limits still end the run.
            promise.Reject(ErrorValue(Raise(ex)));
        }

        return promise.Promise;
    }

    private void Settle(Task<SpellValue> completed, Action<JsValue> resolve, Action<JsValue> reject)
    {
        try
        {
            resolve(_values.Build(completed.GetAwaiter().GetResult()));
        }
        catch (Exception ex) when (ex is not JavaScriptException)
        {
            var spell = _context.ToSpellException(Translate(ex));
            if (!spell.Error.IsLimit)
            {
                reject(ErrorValue(Raise(spell)));
            }
        }
    }

    /// <summary>
    /// A host failure as the script sees it: a catchable Error with <c>code</c>, or — for limits —
    /// the SpellException itself, which Jint does not let scripts catch.
    /// </summary>
    private Exception Raise(Exception ex)
    {
        // Jint's own limits can fire inside a host call (a getter run while its argument is read).
        var spell = _context.ToSpellException(ex is JavaScriptException ? ex : Translate(ex));
        if (spell.Error.IsLimit)
        {
            return spell;
        }

        var error = new JavaScriptException(_engine.Intrinsics.Error, spell.Error.Message);
        ((ObjectInstance)error.Error).Set("code", spell.Error.Code);
        return error;
    }

    private static JsValue ErrorValue(Exception raised) => raised is JavaScriptException js ? js.Error : throw raised;

    /// <summary>Runs the event loop until <paramref name="value"/>, if a promise, settles; returns what it settled to.</summary>
    private JsValue AwaitValue(JsValue value)
    {
        if (!value.IsPromise())
        {
            return value;
        }

        var settled = false;
        var rejected = false;
        var outcome = JsValue.Undefined;
        WhenSettled(value, fulfilled => (settled, outcome) = (true, fulfilled), reason => (settled, rejected, outcome) = (true, true, reason));
        while (!settled)
        {
            if (_context.TrippedLimit is { } limit)
            {
                throw new SpellException(limit);
            }

            if (_outstandingHostCalls == 0)
            {
                throw new SpellException(SpellErrorCode.RuntimeError, "the spell awaits a promise that nothing will ever settle");
            }

            try
            {
                _context.Dispatcher.RunUntil(() => settled || _outstandingHostCalls == 0 || _context.TrippedLimit is not null, _context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw _context.Stopped();
            }
        }

        return rejected ? throw new SpellException(ErrorFromValue(outcome, null)) : outcome;
    }

    // ---- Errors ----

    private SpellException Translate(Exception ex) => ex switch
    {
        SpellException spell => spell,
        JavaScriptException js => new SpellException(ErrorFromValue(js.Error, js.Location.Start.Line > 0 ? new SpellLocation(_context.Script.Name, js.Location.Start.Line, js.Location.Start.Line == 1 ? 0 : js.Location.Start.Column + 1) : null)),
        OperationCanceledException when SpellBranch.CancelledCall() is { } cancelled => cancelled,
        OperationCanceledException or ExecutionCanceledException => _context.Stopped(),
        RegexMatchTimeoutException => _context.Trip(new SpellError(SpellErrorCode.Timeout, $"a regular expression ran longer than {RegexTimeout.TotalSeconds:0.###} s")),
        TimeoutException => _context.Stopped(),
        StatementsCountOverflowException => _context.Trip(new SpellError(SpellErrorCode.InstructionLimit, $"the spell ran more than {_context.Limits.MaxInstructions} statements")),
        MemoryLimitExceededException => _context.Trip(new SpellError(SpellErrorCode.MemoryLimit, $"the spell allocated more than {_context.Limits.MaxMemoryBytes / (1024 * 1024)} MiB")),
        RecursionDepthOverflowException or InsufficientExecutionStackException => _context.Trip(new SpellError(SpellErrorCode.RecursionLimit, $"the spell nested calls deeper than {_context.Limits.MaxRecursionDepth}")),
        JintException jint => new SpellException(SpellErrorCode.RuntimeError, jint.Message),
        // Jint reports some script faults (an import with no module loader) this way.
        InvalidOperationException or NotSupportedException when ex.Source == "Jint" => new SpellException(SpellErrorCode.RuntimeError, ex.Message),
        _ => _context.ToSpellException(ex),
    };

    [GeneratedRegex(@":(?<line>\d+):(?<column>\d+)\)?\s*$", RegexOptions.Multiline)]
    private static partial Regex StackPosition();

    /// <summary>The error a thrown or rejected value describes: an Error (with an optional code), a string, or { code, message }.</summary>
    private SpellError ErrorFromValue(JsValue value, SpellLocation? location)
    {
        if (value.IsObject())
        {
            var error = value.AsObject();
            var code = error.Get("code") is var c && c.IsString() ? c.AsString() : SpellErrorCode.RuntimeError;
            var message = error.Get("message") is var m && m.IsString() ? m.AsString() : TypeConverter.ToString(value);
            var stack = error.Get("stack") is var s && s.IsString() ? s.AsString() : null;
            location ??= LocationFromStack(stack);
            return new SpellError(code, message, location, stack);
        }

        return new SpellError(SpellErrorCode.RuntimeError, value.IsUndefined() ? "undefined was thrown" : TypeConverter.ToString(value), location);
    }

    private SpellLocation? LocationFromStack(string? stack)
    {
        if (stack is null)
        {
            return null;
        }

        foreach (var line in stack.Split('\n'))
        {
            if (line.Contains(_context.Script.Name, StringComparison.Ordinal) && StackPosition().Match(line) is { Success: true } match)
            {
                var lineNumber = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture);
                var column = int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture);
                return new SpellLocation(_context.Script.Name, lineNumber, lineNumber == 1 ? 0 : column);
            }
        }

        return null;
    }
}
