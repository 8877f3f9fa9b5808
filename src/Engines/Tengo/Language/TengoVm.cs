namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// Runs compiled Tengo code: a stack machine with one frame per script-function call. One VM
/// serves one run on one thread. Host code may call back into the VM from inside a builtin
/// (<see cref="Call"/>); the nested call runs on top of the same stack. Functions the host starts
/// as fibers (<see cref="StartFiber"/>) run on stacks of their own and can suspend at a builtin's call.
/// </summary>
public sealed partial class TengoVm
{
    /// <summary>
    /// A builtin or standard-module function. Its own .NET failure on the spell's arguments (an
    /// overflow in <c>times.unix</c>, a bad format) is the spell's runtime error at the call, never a
    /// host error out of the VM.
    /// </summary>
    private TengoObject CallBuiltin(TengoBuiltin builtin, ReadOnlySpan<TengoObject> arguments)
    {
        try
        {
            return builtin.Function(this, arguments);
        }
        catch (Exception e) when (e is OverflowException or ArgumentException or FormatException or IndexOutOfRangeException or InvalidCastException or KeyNotFoundException)
        {
            throw new TengoRuntimeException($"{builtin.Name}: {e.Message}");
        }
    }

    private const int CheckInterval = 1024;

    private readonly TengoRuntimeOptions _options;
    private readonly Dictionary<string, TengoObject> _modules = new(StringComparer.Ordinal);
    private VmSlot[] _globals = [];

    // The execution running now: the main one or a fiber's (swapped in whole, TengoVm.Fibers.cs).
    private Frame[] _frames = new Frame[InitialFrames];
    private VmSlot[] _stack = new VmSlot[1024];
    private int _sp;
    private int _frameIndex = -1;

    /// <summary>How many <see cref="Call"/>s from builtins are open on the running execution; a fiber suspends only at none.</summary>
    private int _nestedCalls;

    /// <summary>
    /// The frames open below the running execution, in the executions it runs on top of: a fiber
    /// started from a host call counts against the same depth limit as a nested call would.
    /// </summary>
    private int _baseDepth;
    private long _instructions;
    private long _allocated;
    private Random? _random;

    public TengoVm(TengoRuntimeOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public TengoRuntimeOptions Options => _options;

    /// <summary>Instructions executed so far (to within one check interval).</summary>
    public long InstructionsExecuted => _instructions;

    public long BytesAllocated => _allocated;

    /// <summary>Where the last call that <see cref="Call"/> or <see cref="Run"/> made returned from, e.g. a script's <c>export</c>.</summary>
    public TengoStackFrame ReturnedFrom { get; private set; }

    /// <summary>The run's random source: seeded from the OS unless <c>rand.seed</c> is called.</summary>
    public Random Random
    {
        get => _random ??= new Random();
        set => _random = value;
    }

    /// <summary>Runs a program's top level and returns what it exported (undefined when nothing).</summary>
    public TengoObject Run(TengoProgram program, IReadOnlyList<TengoObject> globals)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(globals);
        _globals = new VmSlot[program.GlobalCount];
        Array.Fill(_globals, new VmSlot(TengoUndefined.Instance));
        for (var i = 0; i < globals.Count && i < _globals.Length; i++)
        {
            _globals[i] = globals[i];
        }

        return Call(new TengoClosure(program.Main, []), []);
    }

    /// <summary>Calls a script or builtin function with <paramref name="arguments"/> and returns its result.</summary>
    public TengoObject Call(TengoObject callable, ReadOnlySpan<TengoObject> arguments)
    {
        ArgumentNullException.ThrowIfNull(callable);
        var baseSp = _sp;
        var baseFrame = _frameIndex;
        _nestedCalls++;
        EnsureStack(_sp + arguments.Length + 1);
        _stack[_sp++] = callable;
        foreach (var argument in arguments)
        {
            _stack[_sp++] = argument;
        }

        try
        {
            switch (callable)
            {
                case TengoClosure closure:
                    EnterClosure(closure, arguments.Length);
                    return Execute(baseFrame);
                case TengoBuiltin builtin:
                    // No script code returns here; an earlier call's position must not stand in for this one.
                    ReturnedFrom = default;
                    return CallBuiltin(builtin, VmSlot.Values(_stack, baseSp + 1, arguments.Length));
                default:
                    throw new TengoRuntimeException($"not callable: {callable.TypeName}");
            }
        }
        finally
        {
            _nestedCalls--;
            _frameIndex = baseFrame;
            Array.Clear(_stack, baseSp, _sp > baseSp ? _sp - baseSp : 0);
            _sp = baseSp;
        }
    }

    // ---- Allocation accounting: every composite value a script builds goes through these ----

    public TengoString NewString(string value)
    {
        if (value.Length > _options.MaxStringLength)
        {
            throw new TengoLimitException(TengoLimit.StringSize, $"a string of {value.Length} characters exceeds the limit of {_options.MaxStringLength}");
        }

        // The .NET string (header, length, UTF-16 characters) and the TengoString around it.
        Allocate(48 + 2L * value.Length);
        return new TengoString(value);
    }

    public TengoBytes NewBytes(byte[] value)
    {
        if (value.Length > _options.MaxStringLength)
        {
            throw new TengoLimitException(TengoLimit.StringSize, $"bytes of length {value.Length} exceed the limit of {_options.MaxStringLength}");
        }

        Allocate(24 + value.Length);
        return new TengoBytes(value);
    }

    public TengoArray NewArray(List<TengoObject> items, bool immutable = false)
    {
        Allocate(32 + 8L * items.Count);
        return new TengoArray(items, immutable);
    }

    public TengoMap NewMap(Dictionary<string, TengoObject> entries, bool immutable = false)
    {
        Allocate(64 + 48L * entries.Count);
        return new TengoMap(entries, immutable);
    }

    /// <summary>Charges <paramref name="bytes"/> to the run's allocation budget.</summary>
    public void Allocate(long bytes)
    {
        _allocated += bytes;
        if (_allocated > _options.MaxAllocationBytes)
        {
            throw new TengoLimitException(TengoLimit.Allocations, $"the script allocated more than {_options.MaxAllocationBytes} bytes");
        }
    }

    /// <summary>
    /// Charges an array of <paramref name="count"/> new ints before it is built, so a huge range
    /// or permutation is refused before the host allocates it; pair with <see cref="AdoptArray"/>.
    /// </summary>
    public void ReserveIntArray(long count, string what)
    {
        CheckSize(count, what);
        Allocate(32 + 32L * count);
    }

    /// <summary>An array whose cost <see cref="ReserveIntArray"/> already charged.</summary>
    public static TengoArray AdoptArray(List<TengoObject> items) => new(items);

    /// <summary>Checks a size before a builtin builds a value that large (string repeat, range, bytes(n)).</summary>
    public void CheckSize(long elements, string what)
    {
        if (elements > _options.MaxStringLength)
        {
            throw new TengoLimitException(TengoLimit.StringSize, $"{what} of {elements} elements exceeds the limit of {_options.MaxStringLength}");
        }
    }

    // ---- Execution ----

    private void EnsureStack(int needed)
    {
        if (needed >= _stack.Length)
        {
            var size = _stack.Length;
            while (size <= needed) size *= 2;
            Array.Resize(ref _stack, size);
        }
    }

    private void EnterClosure(TengoClosure closure, int argumentCount)
    {
        var function = closure.Function;
        if (function.VarArgs)
        {
            var fixedCount = function.NumParameters - 1;
            if (argumentCount < fixedCount)
            {
                throw new TengoRuntimeException($"wrong number of arguments: want>={fixedCount}, got={argumentCount}");
            }

            var extraCount = argumentCount - fixedCount;
            var extras = new List<TengoObject>(extraCount);
            for (var i = _sp - extraCount; i < _sp; i++) extras.Add(_stack[i].Value);
            _sp -= extraCount;
            _stack[_sp++] = NewArray(extras);
            argumentCount = function.NumParameters;
        }
        else if (argumentCount != function.NumParameters)
        {
            throw new TengoRuntimeException($"wrong number of arguments: want={function.NumParameters}, got={argumentCount}");
        }

        if (_baseDepth + _frameIndex + 1 >= _options.MaxFrames)
        {
            throw new TengoLimitException(TengoLimit.Frames, $"stack overflow: the script nested calls deeper than {_options.MaxFrames}");
        }

        var basePointer = _sp - argumentCount;
        EnsureStack(basePointer + function.NumLocals + function.MaxStack);
        for (var i = basePointer + argumentCount; i < basePointer + function.NumLocals; i++)
        {
            _stack[i] = TengoUndefined.Instance;
        }

        _sp = basePointer + function.NumLocals;
        if (_frameIndex + 1 == _frames.Length)
        {
            // Frames grow as calls nest: a fiber that never recurses keeps a small array.
            Array.Resize(ref _frames, Math.Min(_frames.Length * 2, _options.MaxFrames + 1));
        }

        var frame = _frames[++_frameIndex] ??= new Frame();
        frame.DiscardsResult = false;
        frame.Closure = closure;
        frame.Function = function;
        frame.Ip = 0;
        frame.BasePointer = basePointer;
    }

    /// <summary>
    /// Whether a call is the last thing its function does: <c>return f(…)</c>, or <c>f(…)</c> as the
    /// last statement (its value dropped, the function returning undefined).
    /// </summary>
    private static bool IsTailPosition(int[] code, int ip, out bool discardsResult)
    {
        discardsResult = false;
        if ((Opcode)code[ip] == Opcode.Return)
        {
            return code[ip + 1] == 1;
        }

        discardsResult = (Opcode)code[ip] == Opcode.Pop && (Opcode)code[ip + 1] == Opcode.Return && code[ip + 2] == 0;
        return discardsResult;
    }

    /// <summary>Replaces the current frame's arguments and locals with a new call's, in place.</summary>
    private void EnterTailCall(Frame frame, TengoClosure closure, int argumentCount)
    {
        var function = closure.Function;
        var argumentsStart = _sp - argumentCount;
        if (function.VarArgs)
        {
            var fixedCount = function.NumParameters - 1;
            if (argumentCount < fixedCount)
            {
                throw new TengoRuntimeException($"wrong number of arguments: want>={fixedCount}, got={argumentCount}");
            }

            var extras = new List<TengoObject>(argumentCount - fixedCount);
            for (var i = argumentsStart + fixedCount; i < _sp; i++) extras.Add(_stack[i].Value);
            _stack[argumentsStart + fixedCount] = NewArray(extras);
            argumentCount = function.NumParameters;
        }
        else if (argumentCount != function.NumParameters)
        {
            throw new TengoRuntimeException($"wrong number of arguments: want={function.NumParameters}, got={argumentCount}");
        }

        var bp = frame.BasePointer;
        Array.Copy(_stack, argumentsStart, _stack, bp, argumentCount);
        // Locals captured by closures of the last round live in cells; the new round starts afresh.
        Array.Fill(_stack, new VmSlot(TengoUndefined.Instance), bp + argumentCount, function.NumLocals - argumentCount);
        var top = bp + function.NumLocals;
        Array.Clear(_stack, top, _sp - top);
        _sp = top;
        frame.Closure = closure;
        frame.Ip = 0;
    }

    private void Checkpoint()
    {
        _instructions += CheckInterval;
        if (_instructions > _options.MaxInstructions)
        {
            throw new TengoLimitException(TengoLimit.Instructions, $"the script ran more than {_options.MaxInstructions} instructions");
        }

        if (_options.CancellationToken.IsCancellationRequested)
        {
            throw new TengoLimitException(TengoLimit.Cancelled, "the run was stopped");
        }

        _options.Checkpoint?.Invoke();
    }

    /// <summary>Runs from the current frame until the frame above <paramref name="stopAt"/> returns; gives its result.</summary>
    private TengoObject Execute(int stopAt)
    {
        var frame = _frames[_frameIndex];
        var code = frame.Function.Instructions;
        var constants = frame.Function.Constants;
        var free = frame.Closure.Free;
        var ip = frame.Ip;
        var bp = frame.BasePointer;
        var stack = _stack;
        var sp = _sp;
        var opStart = 0;
        var ticks = CheckInterval;
        try
        {
            while (true)
            {
                opStart = ip;
                if (--ticks == 0)
                {
                    ticks = CheckInterval;
                    Checkpoint();
                }

                switch ((Opcode)code[ip++])
                {
                    case Opcode.Constant:
                        stack[sp++] = constants[code[ip++]];
                        break;
                    case Opcode.Undefined:
                        stack[sp++] = TengoUndefined.Instance;
                        break;
                    case Opcode.True:
                        stack[sp++] = TengoBool.True;
                        break;
                    case Opcode.False:
                        stack[sp++] = TengoBool.False;
                        break;
                    case Opcode.BinaryOp:
                    {
                        var op = (Token)code[ip++];
                        var right = stack[--sp].Value;
                        var left = stack[sp - 1].Value;
                        if (left is TengoInt l && right is TengoInt r)
                        {
                            // The loop counters and arithmetic of most scripts, without a call.
                            stack[sp - 1] = op switch
                            {
                                Token.Add => TengoInt.From(unchecked(l.Value + r.Value)),
                                Token.Sub => TengoInt.From(unchecked(l.Value - r.Value)),
                                Token.Less => TengoBool.From(l.Value < r.Value),
                                Token.Greater => TengoBool.From(l.Value > r.Value),
                                Token.LessEq => TengoBool.From(l.Value <= r.Value),
                                Token.GreaterEq => TengoBool.From(l.Value >= r.Value),
                                _ => Operators.IntOp(op, l.Value, r.Value) ?? throw Operators.Invalid(op, left, right),
                            };
                        }
                        else
                        {
                            _sp = sp;
                            stack[sp - 1] = Operators.Binary(this, op, left, right);
                        }

                        break;
                    }

                    case Opcode.Equal:
                    {
                        var right = stack[--sp].Value;
                        stack[sp - 1] = TengoBool.From(stack[sp - 1].Value.ValueEquals(right));
                        break;
                    }

                    case Opcode.NotEqual:
                    {
                        var right = stack[--sp].Value;
                        stack[sp - 1] = TengoBool.From(!stack[sp - 1].Value.ValueEquals(right));
                        break;
                    }

                    case Opcode.Minus:
                        stack[sp - 1] = Operators.Minus(stack[sp - 1].Value);
                        break;
                    case Opcode.Not:
                        stack[sp - 1] = TengoBool.From(stack[sp - 1].Value.IsFalsy);
                        break;
                    case Opcode.Complement:
                        stack[sp - 1] = Operators.Complement(stack[sp - 1].Value);
                        break;
                    case Opcode.Jump:
                        ip = code[ip];
                        break;
                    case Opcode.JumpFalsy:
                    {
                        var condition = stack[--sp].Value;
                        var target = code[ip++];
                        if (ReferenceEquals(condition, TengoBool.False) || (condition is not TengoBool && condition.IsFalsy))
                        {
                            ip = target;
                        }

                        break;
                    }

                    case Opcode.AndJump:
                    {
                        var target = code[ip++];
                        if (stack[sp - 1].Value.IsFalsy) ip = target;
                        else sp--;
                        break;
                    }

                    case Opcode.OrJump:
                    {
                        var target = code[ip++];
                        if (!stack[sp - 1].Value.IsFalsy) ip = target;
                        else sp--;
                        break;
                    }

                    case Opcode.Pop:
                        stack[--sp] = default;
                        break;
                    case Opcode.GetGlobal:
                        stack[sp++] = _globals[code[ip++]].Value;
                        break;
                    case Opcode.SetGlobal:
                        _globals[code[ip++]] = stack[--sp].Value;
                        break;
                    case Opcode.GetLocal:
                    {
                        var value = stack[bp + code[ip++]].Value;
                        stack[sp++] = value is TengoCell cell ? cell.Value : value;
                        break;
                    }

                    case Opcode.SetLocal:
                    {
                        var slot = bp + code[ip++];
                        var value = stack[--sp].Value;
                        if (stack[slot].Value is TengoCell cell) cell.Value = value;
                        else stack[slot] = value;
                        break;
                    }

                    case Opcode.DefineLocal:
                        stack[bp + code[ip++]] = stack[--sp].Value;
                        break;
                    case Opcode.ClearLocal:
                        stack[bp + code[ip++]] = TengoUndefined.Instance;
                        break;
                    case Opcode.GetFree:
                        stack[sp++] = free[code[ip++]].Value;
                        break;
                    case Opcode.SetFree:
                        free[code[ip++]].Value = stack[--sp].Value;
                        break;
                    case Opcode.GetLocalCell:
                    {
                        var slot = bp + code[ip++];
                        if (stack[slot].Value is not TengoCell cell)
                        {
                            cell = new TengoCell(stack[slot].Value);
                            stack[slot] = cell;
                        }

                        stack[sp++] = cell;
                        break;
                    }

                    case Opcode.GetFreeCell:
                        stack[sp++] = free[code[ip++]];
                        break;
                    case Opcode.GetBuiltin:
                        stack[sp++] = Builtins.All[code[ip++]];
                        break;
                    case Opcode.Array:
                    {
                        var count = code[ip++];
                        var items = new List<TengoObject>(count);
                        for (var i = sp - count; i < sp; i++) items.Add(stack[i].Value);
                        sp -= count;
                        _sp = sp;
                        stack[sp++] = NewArray(items);
                        break;
                    }

                    case Opcode.Map:
                    {
                        var count = code[ip++];
                        var entries = new Dictionary<string, TengoObject>(count, StringComparer.Ordinal);
                        for (var i = sp - 2 * count; i < sp; i += 2) entries[((TengoString)stack[i].Value).Value] = stack[i + 1].Value;
                        sp -= 2 * count;
                        _sp = sp;
                        stack[sp++] = NewMap(entries);
                        break;
                    }

                    case Opcode.Error:
                        stack[sp - 1] = new TengoError(stack[sp - 1].Value) { Origin = new TengoStackFrame(frame.Function.File, frame.Function.PositionAt(opStart)) };
                        break;
                    case Opcode.Immutable:
                        stack[sp - 1] = Operators.Immutable(stack[sp - 1].Value);
                        break;
                    case Opcode.Index:
                    {
                        var index = stack[--sp].Value;
                        stack[sp - 1] = Operators.Index(stack[sp - 1].Value, index);
                        break;
                    }

                    case Opcode.IndexSet:
                    {
                        var value = stack[--sp].Value;
                        var index = stack[--sp].Value;
                        var target = stack[--sp].Value;
                        Operators.IndexSet(this, target, index, value);
                        break;
                    }

                    case Opcode.Slice:
                    {
                        var high = stack[--sp].Value;
                        var low = stack[--sp].Value;
                        _sp = sp;
                        stack[sp - 1] = Operators.Slice(this, stack[sp - 1].Value, low, high);
                        break;
                    }

                    case Opcode.Call:
                    {
                        var argumentCount = code[ip++];
                        if (code[ip++] == 1)
                        {
                            if (stack[sp - 1].Value is not TengoArray spread)
                            {
                                throw new TengoRuntimeException($"cannot spread a {stack[sp - 1].Value.TypeName}; only arrays can be spread");
                            }

                            sp--;
                            _sp = sp;
                            EnsureStack(sp + spread.Count + 1);
                            stack = _stack;
                            foreach (var item in spread.AsSpan()) stack[sp++] = item;
                            argumentCount += spread.Count - 1;
                        }

                        var callee = stack[sp - 1 - argumentCount].Value;
                        frame.Ip = ip;
                        _sp = sp;
                        if (callee is TengoClosure self && ReferenceEquals(self.Function, frame.Function) && IsTailPosition(code, ip, out var discardsResult))
                        {
                            // A function that calls itself last reuses its frame, as the reference
                            // does: a tail-recursive loop runs in constant stack.
                            EnterTailCall(frame, self, argumentCount);
                            frame.DiscardsResult |= discardsResult;
                            free = self.Free;
                            ip = 0;
                            sp = _sp;
                        }
                        else if (callee is TengoClosure closure)
                        {
                            EnterClosure(closure, argumentCount);
                            frame = _frames[_frameIndex];
                            code = closure.Function.Instructions;
                            constants = closure.Function.Constants;
                            free = closure.Free;
                            ip = 0;
                            bp = frame.BasePointer;
                            stack = _stack;
                            sp = _sp;
                        }
                        else if (callee is TengoBuiltin builtin)
                        {
                            var result = CallBuiltin(builtin, VmSlot.Values(stack, sp - argumentCount, argumentCount));
                            if (result is TengoPending pending)
                            {
                                // Only a fiber's own level gets a pending result (CanSuspend): leave it
                                // here, with the call's value still to be pushed when it resumes.
                                sp -= argumentCount + 1;
                                Array.Clear(_stack, sp, argumentCount + 1);
                                _sp = sp;
                                _instructions += CheckInterval - ticks;
                                _running!.CallSite = new TengoStackFrame(frame.Function.File, frame.Function.PositionAt(opStart));
                                return pending;
                            }

                            if (result is TengoError { Origin: null } failure)
                            {
                                failure.Origin = new TengoStackFrame(frame.Function.File, frame.Function.PositionAt(opStart));
                            }

                            stack = _stack;
                            sp -= argumentCount + 1;
                            stack[sp++] = result;
                        }
                        else
                        {
                            throw new TengoRuntimeException($"not callable: {callee.TypeName}");
                        }

                        break;
                    }

                    case Opcode.Return:
                    {
                        var value = code[ip++] == 1 && !frame.DiscardsResult ? stack[sp - 1].Value : TengoUndefined.Instance;
                        var newSp = frame.BasePointer - 1;
                        Array.Clear(stack, newSp, sp - newSp);
                        sp = newSp;
                        _frameIndex--;
                        if (_frameIndex == stopAt)
                        {
                            ReturnedFrom = new TengoStackFrame(frame.Function.File, frame.Function.PositionAt(opStart));
                            _sp = sp;
                            _instructions += CheckInterval - ticks;
                            return value;
                        }

                        stack[sp++] = value;
                        frame = _frames[_frameIndex];
                        code = frame.Function.Instructions;
                        constants = frame.Function.Constants;
                        free = frame.Closure.Free;
                        ip = frame.Ip;
                        bp = frame.BasePointer;
                        break;
                    }

                    case Opcode.Closure:
                    {
                        var function = ((TengoClosure)constants[code[ip++]]).Function;
                        var count = code[ip++];
                        var cells = new TengoCell[count];
                        for (var i = 0; i < count; i++) cells[i] = (TengoCell)stack[sp - count + i].Value;
                        sp -= count;
                        _sp = sp;
                        Allocate(32 + 8L * count);
                        stack[sp++] = new TengoClosure(function, cells);
                        break;
                    }

                    case Opcode.IteratorInit:
                    {
                        var iterable = stack[sp - 1].Value;
                        stack[sp - 1] = iterable.CanIterate ? iterable.Iterate() : throw new TengoRuntimeException($"not iterable: {iterable.TypeName}");
                        break;
                    }

                    case Opcode.IteratorNext:
                        stack[sp - 1] = TengoBool.From(((TengoIterator)stack[sp - 1].Value).Next());
                        break;
                    case Opcode.IteratorKey:
                        stack[sp - 1] = ((TengoIterator)stack[sp - 1].Value).Key;
                        break;
                    case Opcode.IteratorValue:
                        stack[sp - 1] = ((TengoIterator)stack[sp - 1].Value).Value;
                        break;
                    case Opcode.Import:
                    {
                        var name = ((TengoString)constants[code[ip++]]).Value;
                        frame.Ip = ip;
                        _sp = sp;
                        var module = Import(name);
                        stack = _stack;
                        stack[sp++] = module;
                        break;
                    }

                    default:
                        throw new InvalidOperationException($"unknown opcode {code[opStart]} at {opStart}");
                }
            }
        }
        catch (TengoRuntimeException ex) when (ex.Trace.Count == 0)
        {
            ex.Trace = BuildTrace(opStart);
            throw;
        }
    }

    private List<TengoStackFrame> BuildTrace(int failingIp)
    {
        var trace = new List<TengoStackFrame>();
        for (var i = _frameIndex; i >= 0; i--)
        {
            var frame = _frames[i];
            var pos = frame.Function.PositionAt(i == _frameIndex ? failingIp : frame.Ip - 1);
            trace.Add(new TengoStackFrame(frame.Function.File, pos));
        }

        return trace;
    }

    private TengoObject Import(string name)
    {
        if (_modules.TryGetValue(name, out var loaded))
        {
            return loaded;
        }

        TengoObject module;
        if (_options.HostModules.TryGetValue(name, out var factory))
        {
            module = factory(this);
        }
        else if (StandardModules.Builtin(name) is { } builtin)
        {
            module = builtin;
        }
        else if (StandardModules.Source(name) is { } source)
        {
            module = Call(new TengoClosure(source.Main, []), []);
        }
        else
        {
            throw new TengoRuntimeException($"module '{name}' not found");
        }

        _modules[name] = module;
        return module;
    }

    internal sealed class Frame
    {
        public TengoClosure Closure = null!;
        public CompiledFunction Function = null!;
        public int Ip;
        public int BasePointer;

        /// <summary>A tail call replaced a call whose value the function dropped: it returns undefined.</summary>
        public bool DiscardsResult;
    }
}
