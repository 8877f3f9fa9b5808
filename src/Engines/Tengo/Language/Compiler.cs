namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// Compiles a parsed script (or module) to bytecode: one <see cref="CompiledFunction"/> for the top
/// level and one per function literal, sharing one constant pool.
/// </summary>
internal sealed class Compiler
{
    private readonly string _file;
    private readonly IReadOnlySet<string> _modules;
    private readonly List<TengoObject> _constants = [];
    private readonly Dictionary<long, int> _intConstants = [];
    private readonly Dictionary<string, int> _stringConstants = new(StringComparer.Ordinal);
    private readonly List<CompiledFunction> _functions = [];
    private FunctionScope _scope;

    private Compiler(string file, IReadOnlySet<string> modules, SymbolTable symbols)
    {
        _file = file;
        _modules = modules;
        _scope = new FunctionScope(symbols, isTopLevel: true);
    }

    /// <summary>Compiles a script whose top level sees <paramref name="globals"/> (e.g. <c>input</c>) as predeclared variables.</summary>
    public static TengoProgram CompileScript(ParsedFile file, IReadOnlyList<string> globals, IReadOnlySet<string> modules)
    {
        var symbols = SymbolTable.ForScript();
        foreach (var name in globals)
        {
            symbols.Define(name);
        }

        var compiler = new Compiler(file.Name, modules, symbols);
        var main = compiler.CompileTopLevel(file);
        return new TengoProgram(file.Name, compiler.Seal(main), symbols.GlobalCount, globals);
    }

    /// <summary>Compiles a module: its top level becomes a function returning what it exports.</summary>
    public static TengoProgram CompileModule(ParsedFile file, IReadOnlySet<string> modules)
    {
        var compiler = new Compiler(file.Name, modules, SymbolTable.ForModule());
        var main = compiler.CompileTopLevel(file);
        return new TengoProgram(file.Name, compiler.Seal(main), 0, []);
    }

    private CompiledFunction CompileTopLevel(ParsedFile file)
    {
        foreach (var statement in file.Statements)
        {
            CompileStmt(statement);
        }

        var end = file.Statements.Count > 0 ? file.Statements[^1].Pos : new SourcePos(1, 1);
        Emit(end, Opcode.Undefined);
        Emit(end, Opcode.Return, 1);
        var main = _scope.Build(_file, parameters: 0, varArgs: false);
        _functions.Add(main);
        return main;
    }

    /// <summary>Hands every function of this compilation the finished constant pool.</summary>
    private CompiledFunction Seal(CompiledFunction main)
    {
        TengoObject[] constants = [.. _constants];
        foreach (var function in _functions)
        {
            function.Constants = constants;
        }

        return main;
    }

    private TengoCompileException Error(SourcePos pos, string message) => new(_file, [new TengoSyntaxError(pos, message)]);

    // ---- Emitting ----

    private int Emit(SourcePos pos, Opcode op, int a = 0, int b = 0) => _scope.Emit(pos, op, a, b);

    private void Patch(int instruction, int target) => _scope.Code[instruction + 1] = target;

    private int Here => _scope.Code.Count;

    private int Constant(TengoObject value)
    {
        _constants.Add(value);
        return _constants.Count - 1;
    }

    private int IntConstant(long value)
    {
        if (!_intConstants.TryGetValue(value, out var index))
        {
            _intConstants[value] = index = Constant(TengoInt.From(value));
        }

        return index;
    }

    private int StringConstant(string value)
    {
        if (!_stringConstants.TryGetValue(value, out var index))
        {
            _stringConstants[value] = index = Constant(new TengoString(value));
        }

        return index;
    }

    // ---- Statements ----

    private void CompileStmt(Stmt statement)
    {
        switch (statement)
        {
            case ExprStmt s:
                CompileExpr(s.Expr);
                Emit(s.Pos, Opcode.Pop);
                break;
            case AssignStmt s:
                CompileAssign(s);
                break;
            case IncDecStmt s:
                CompileCompound(s.Pos, s.Target, s.Op == Token.Inc ? Token.Add : Token.Sub, new IntLit(s.Pos, 1));
                break;
            case BlockStmt s:
                InBlock(() => CompileStatements(s.Statements));
                break;
            case IfStmt s:
                InBlock(() => CompileIf(s));
                break;
            case ForStmt s:
                InBlock(() => CompileFor(s));
                break;
            case ForInStmt s:
                InBlock(() => CompileForIn(s));
                break;
            case BranchStmt s:
                CompileBranch(s);
                break;
            case ReturnStmt s:
                if (_scope.IsTopLevel)
                {
                    throw Error(s.Pos, "return not allowed outside function");
                }

                if (s.Value is null)
                {
                    Emit(s.Pos, Opcode.Return, 0);
                }
                else
                {
                    CompileExpr(s.Value);
                    Emit(s.Pos, Opcode.Return, 1);
                }

                break;
            case ExportStmt s:
                if (!_scope.IsTopLevel)
                {
                    throw Error(s.Pos, "export not allowed inside function");
                }

                CompileExpr(s.Value);
                Emit(s.Pos, Opcode.Immutable);
                Emit(s.Pos, Opcode.Return, 1);
                break;
            case EmptyStmt:
                break;
            default:
                throw Error(statement.Pos, $"unsupported statement {statement.GetType().Name}");
        }
    }

    private void CompileStatements(IReadOnlyList<Stmt> statements)
    {
        foreach (var statement in statements)
        {
            CompileStmt(statement);
        }
    }

    private void InBlock(Action compile)
    {
        var outer = _scope.Symbols;
        _scope.Symbols = outer.ForkBlock();
        try
        {
            compile();
        }
        finally
        {
            _scope.Symbols = outer;
        }
    }

    private void CompileAssign(AssignStmt s)
    {
        switch (s.Op)
        {
            case Token.Define:
                CompileDefine(s.Pos, (IdentExpr)s.Target, s.Value);
                return;
            case Token.Assign when s.Target is IdentExpr ident:
                var symbol = ResolveAssignable(ident);
                CompileExpr(s.Value);
                Store(s.Pos, symbol);
                return;
            case Token.Assign:
                var index = (IndexExpr)s.Target;
                CompileExpr(index.Target);
                CompileExpr(index.Index);
                CompileExpr(s.Value);
                Emit(s.Pos, Opcode.IndexSet);
                return;
            default:
                CompileCompound(s.Pos, s.Target, s.Op.CompoundOperator(), s.Value);
                return;
        }
    }

    private void CompileDefine(SourcePos pos, IdentExpr target, Expr value)
    {
        if (_scope.Symbols.IsDefinedHere(target.Name))
        {
            throw Error(target.Pos, $"'{target.Name}' redeclared in this block");
        }

        if (value is FuncLit)
        {
            // Defined before its body is compiled, so a function can call itself by name.
            var symbol = _scope.Symbols.Define(target.Name);
            if (symbol.Scope == SymbolScope.Local)
            {
                Emit(pos, Opcode.ClearLocal, symbol.Index);
            }

            CompileExpr(value);
            Store(pos, symbol);
            return;
        }

        // The value is compiled first, so `x := x + 1` in an inner block reads the outer x.
        CompileExpr(value);
        Define(pos, target.Name);
    }

    private void CompileCompound(SourcePos pos, Expr target, Token op, Expr value)
    {
        if (target is IdentExpr ident)
        {
            var symbol = ResolveAssignable(ident);
            Load(ident.Pos, symbol);
            CompileExpr(value);
            Emit(pos, Opcode.BinaryOp, (int)op);
            Store(pos, symbol);
            return;
        }

        // As in Tengo, the container and index expressions are evaluated twice: to read, then to write.
        var index = (IndexExpr)target;
        CompileExpr(index.Target);
        CompileExpr(index.Index);
        CompileExpr(index);
        CompileExpr(value);
        Emit(pos, Opcode.BinaryOp, (int)op);
        Emit(pos, Opcode.IndexSet);
    }

    private Symbol ResolveAssignable(IdentExpr ident)
    {
        var symbol = _scope.Symbols.Resolve(ident.Name) ?? throw Error(ident.Pos, $"unresolved reference '{ident.Name}'");
        return symbol.Scope == SymbolScope.Builtin ? throw Error(ident.Pos, $"cannot assign to builtin function '{ident.Name}'") : symbol;
    }

    private void Load(SourcePos pos, Symbol symbol)
    {
        switch (symbol.Scope)
        {
            case SymbolScope.Global: Emit(pos, Opcode.GetGlobal, symbol.Index); break;
            case SymbolScope.Local: Emit(pos, Opcode.GetLocal, symbol.Index); break;
            case SymbolScope.Free: Emit(pos, Opcode.GetFree, symbol.Index); break;
            default: Emit(pos, Opcode.GetBuiltin, symbol.Index); break;
        }
    }

    private void Store(SourcePos pos, Symbol symbol)
    {
        switch (symbol.Scope)
        {
            case SymbolScope.Global: Emit(pos, Opcode.SetGlobal, symbol.Index); break;
            case SymbolScope.Local: Emit(pos, Opcode.SetLocal, symbol.Index); break;
            case SymbolScope.Free: Emit(pos, Opcode.SetFree, symbol.Index); break;
            default: throw Error(pos, $"cannot assign to builtin function '{symbol.Name}'");
        }
    }

    /// <summary>Declares <paramref name="name"/> here and stores the value on the stack in it.</summary>
    private Symbol Define(SourcePos pos, string name)
    {
        var symbol = _scope.Symbols.Define(name);
        Emit(pos, symbol.Scope == SymbolScope.Global ? Opcode.SetGlobal : Opcode.DefineLocal, symbol.Index);
        return symbol;
    }

    private void CompileIf(IfStmt s)
    {
        if (s.Init is not null)
        {
            CompileStmt(s.Init);
        }

        CompileExpr(s.Condition);
        var jumpToElse = Emit(s.Pos, Opcode.JumpFalsy, -1);
        InBlock(() => CompileStatements(s.Then.Statements));
        if (s.Else is null)
        {
            Patch(jumpToElse, Here);
            return;
        }

        var jumpToEnd = Emit(s.Pos, Opcode.Jump, -1);
        Patch(jumpToElse, Here);
        CompileStmt(s.Else);
        Patch(jumpToEnd, Here);
    }

    private void CompileFor(ForStmt s)
    {
        if (s.Init is not null)
        {
            CompileStmt(s.Init);
        }

        var start = Here;
        var exit = -1;
        if (s.Condition is not null)
        {
            CompileExpr(s.Condition);
            exit = Emit(s.Pos, Opcode.JumpFalsy, -1);
        }

        var loop = _scope.EnterLoop();
        InBlock(() => CompileStatements(s.Body.Statements));
        _scope.ExitLoop();
        var continueTarget = Here;
        if (s.Post is not null)
        {
            CompileStmt(s.Post);
        }

        Emit(s.Pos, Opcode.Jump, start);
        var end = Here;
        if (exit >= 0)
        {
            Patch(exit, end);
        }

        loop.PatchAll(_scope.Code, end, continueTarget);
    }

    private void CompileForIn(ForInStmt s)
    {
        CompileExpr(s.Iterable);
        Emit(s.Iterable.Pos, Opcode.IteratorInit);
        var iterator = Define(s.Pos, ":it");

        var start = Here;
        Load(s.Pos, iterator);
        Emit(s.Pos, Opcode.IteratorNext);
        var exit = Emit(s.Pos, Opcode.JumpFalsy, -1);

        // `for v in xs` binds the value; `for k, v in xs` binds both; `_` binds nothing.
        var (key, value) = s.Value is null ? (null, s.Key) : (s.Key, s.Value);
        var loop = _scope.EnterLoop();
        InBlock(() =>
        {
            if (key is not null && key.Name != "_")
            {
                Load(key.Pos, iterator);
                Emit(key.Pos, Opcode.IteratorKey);
                Define(key.Pos, key.Name);
            }

            if (value.Name != "_")
            {
                Load(value.Pos, iterator);
                Emit(value.Pos, Opcode.IteratorValue);
                Define(value.Pos, value.Name);
            }

            CompileStatements(s.Body.Statements);
        });
        _scope.ExitLoop();
        Emit(s.Pos, Opcode.Jump, start);
        var end = Here;
        Patch(exit, end);
        loop.PatchAll(_scope.Code, end, start);
    }

    private void CompileBranch(BranchStmt s)
    {
        var loop = _scope.CurrentLoop ?? throw Error(s.Pos, $"{s.Kind.Text()} not allowed outside loop");
        var jump = Emit(s.Pos, Opcode.Jump, -1);
        (s.Kind == Token.Break ? loop.Breaks : loop.Continues).Add(jump);
    }

    // ---- Expressions ----

    private void CompileExpr(Expr expression)
    {
        switch (expression)
        {
            case IdentExpr e:
                Load(e.Pos, _scope.Symbols.Resolve(e.Name) ?? throw Error(e.Pos, $"unresolved reference '{e.Name}'"));
                break;
            case IntLit e:
                Emit(e.Pos, Opcode.Constant, IntConstant(e.Value));
                break;
            case FloatLit e:
                Emit(e.Pos, Opcode.Constant, Constant(new TengoFloat(e.Value)));
                break;
            case StringLit e:
                Emit(e.Pos, Opcode.Constant, StringConstant(e.Value));
                break;
            case CharLit e:
                Emit(e.Pos, Opcode.Constant, Constant(new TengoChar(e.Value)));
                break;
            case BoolLit e:
                Emit(e.Pos, e.Value ? Opcode.True : Opcode.False);
                break;
            case UndefinedLit e:
                Emit(e.Pos, Opcode.Undefined);
                break;
            case ArrayLit e:
                foreach (var element in e.Elements)
                {
                    CompileExpr(element);
                }

                Emit(e.Pos, Opcode.Array, e.Elements.Count);
                break;
            case MapLit e:
                foreach (var entry in e.Entries)
                {
                    Emit(entry.Pos, Opcode.Constant, StringConstant(entry.Key));
                    CompileExpr(entry.Value);
                }

                Emit(e.Pos, Opcode.Map, e.Entries.Count);
                break;
            case FuncLit e:
                CompileFunction(e);
                break;
            case UnaryExpr e:
                CompileExpr(e.Operand);
                switch (e.Op)
                {
                    case Token.Sub: Emit(e.Pos, Opcode.Minus); break;
                    case Token.Not: Emit(e.Pos, Opcode.Not); break;
                    case Token.Xor: Emit(e.Pos, Opcode.Complement); break;
                }

                break;
            case BinaryExpr e:
                CompileBinary(e);
                break;
            case CondExpr e:
                CompileExpr(e.Condition);
                var toElse = Emit(e.Pos, Opcode.JumpFalsy, -1);
                CompileExpr(e.Then);
                var toEnd = Emit(e.Pos, Opcode.Jump, -1);
                _scope.AdjustDepth(-1); // only one branch's value is on the stack at the end
                Patch(toElse, Here);
                CompileExpr(e.Else);
                Patch(toEnd, Here);
                break;
            case CallExpr e:
                CompileExpr(e.Function);
                foreach (var argument in e.Arguments)
                {
                    CompileExpr(argument);
                }

                Emit(e.Pos, Opcode.Call, e.Arguments.Count, e.Spread ? 1 : 0);
                break;
            case IndexExpr e:
                CompileExpr(e.Target);
                CompileExpr(e.Index);
                Emit(e.Pos, Opcode.Index);
                break;
            case SliceExpr e:
                CompileExpr(e.Target);
                CompileOptional(e.Pos, e.Low);
                CompileOptional(e.Pos, e.High);
                Emit(e.Pos, Opcode.Slice);
                break;
            case ErrorExpr e:
                CompileExpr(e.Value);
                Emit(e.Pos, Opcode.Error);
                break;
            case ImmutableExpr e:
                CompileExpr(e.Value);
                Emit(e.Pos, Opcode.Immutable);
                break;
            case ImportExpr e:
                if (!_modules.Contains(e.Module))
                {
                    throw Error(e.Pos, $"module '{e.Module}' not found");
                }

                Emit(e.Pos, Opcode.Import, StringConstant(e.Module));
                break;
            default:
                throw Error(expression.Pos, $"unsupported expression {expression.GetType().Name}");
        }
    }

    private void CompileOptional(SourcePos pos, Expr? expression)
    {
        if (expression is null)
        {
            Emit(pos, Opcode.Undefined);
        }
        else
        {
            CompileExpr(expression);
        }
    }

    /// <summary>
    /// Binary operators are left-associative, so long chains (a + b + c + …) nest to the left without
    /// bound; they are compiled with a loop rather than recursion so no chain can exhaust the stack.
    /// </summary>
    private void CompileBinary(BinaryExpr e)
    {
        var chain = new Stack<BinaryExpr>();
        Expr leftmost = e;
        while (leftmost is BinaryExpr binary)
        {
            chain.Push(binary);
            leftmost = binary.Left;
        }

        CompileExpr(leftmost);
        while (chain.Count > 0)
        {
            var next = chain.Pop();
            switch (next.Op)
            {
                case Token.LAnd or Token.LOr:
                    var jump = Emit(next.Pos, next.Op == Token.LAnd ? Opcode.AndJump : Opcode.OrJump, -1);
                    CompileExpr(next.Right);
                    Patch(jump, Here);
                    break;
                case Token.Equal:
                    CompileExpr(next.Right);
                    Emit(next.Pos, Opcode.Equal);
                    break;
                case Token.NotEqual:
                    CompileExpr(next.Right);
                    Emit(next.Pos, Opcode.NotEqual);
                    break;
                default:
                    CompileExpr(next.Right);
                    Emit(next.Pos, Opcode.BinaryOp, (int)next.Op);
                    break;
            }
        }
    }

    private void CompileFunction(FuncLit e)
    {
        var outer = _scope;
        var symbols = outer.Symbols.ForkFunction();
        _scope = new FunctionScope(symbols, isTopLevel: false);
        CompiledFunction function;
        try
        {
            foreach (var parameter in e.Parameters)
            {
                if (symbols.IsDefinedHere(parameter.Name))
                {
                    throw Error(parameter.Pos, $"duplicate parameter '{parameter.Name}'");
                }

                symbols.Define(parameter.Name);
            }

            CompileStatements(e.Body.Statements);
            if (e.Body.Statements.Count == 0 || e.Body.Statements[^1] is not ReturnStmt)
            {
                Emit(e.Body.Pos, Opcode.Return, 0);
            }

            function = _scope.Build(_file, e.Parameters.Count, e.VarArgs);
            _functions.Add(function);
        }
        finally
        {
            _scope = outer;
        }

        var closure = new TengoClosure(function, []);
        if (symbols.FreeSymbols.Count == 0)
        {
            Emit(e.Pos, Opcode.Constant, Constant(closure));
            return;
        }

        foreach (var free in symbols.FreeSymbols)
        {
            Emit(e.Pos, free.Scope == SymbolScope.Local ? Opcode.GetLocalCell : Opcode.GetFreeCell, free.Index);
        }

        Emit(e.Pos, Opcode.Closure, Constant(closure), symbols.FreeSymbols.Count);
    }

    /// <summary>The code being built for one function, with its stack-depth bookkeeping and open loops.</summary>
    private sealed class FunctionScope(SymbolTable symbols, bool isTopLevel)
    {
        private readonly List<Loop> _loops = [];
        private int _depth;
        private int _maxDepth;

        public SymbolTable Symbols { get; set; } = symbols;

        public bool IsTopLevel { get; } = isTopLevel;

        public List<int> Code { get; } = [];

        public List<SourcePos> Positions { get; } = [];

        public Loop? CurrentLoop => _loops.Count > 0 ? _loops[^1] : null;

        public int Emit(SourcePos pos, Opcode op, int a, int b)
        {
            var at = Code.Count;
            Code.Add((int)op);
            Positions.Add(pos);
            var operands = OpcodeInfo.OperandCount(op);
            if (operands >= 1)
            {
                Code.Add(a);
                Positions.Add(pos);
            }

            if (operands == 2)
            {
                Code.Add(b);
                Positions.Add(pos);
            }

            AdjustDepth(OpcodeInfo.StackEffect(op, a, b));
            return at;
        }

        public void AdjustDepth(int delta)
        {
            _depth += delta;
            _maxDepth = Math.Max(_maxDepth, _depth);
        }

        public Loop EnterLoop()
        {
            var loop = new Loop();
            _loops.Add(loop);
            return loop;
        }

        public void ExitLoop() => _loops.RemoveAt(_loops.Count - 1);

        public CompiledFunction Build(string file, int parameters, bool varArgs) =>
            new(file, [.. Code], [.. Positions], Symbols.LocalCount, parameters, varArgs, _maxDepth + 8);
    }

    private sealed class Loop
    {
        public List<int> Breaks { get; } = [];

        public List<int> Continues { get; } = [];

        public void PatchAll(List<int> code, int breakTarget, int continueTarget)
        {
            foreach (var jump in Breaks) code[jump + 1] = breakTarget;
            foreach (var jump in Continues) code[jump + 1] = continueTarget;
        }
    }
}
