namespace LlmSpell.Engines.Tengo.Language;

internal enum SymbolScope
{
    Global,
    Local,
    Free,
    Builtin,
}

internal sealed record Symbol(string Name, SymbolScope Scope, int Index);

/// <summary>
/// Names visible at one point of a script. A function gets its own table; a block gets a table that
/// shares its function's local slots. Resolving a local of an enclosing function makes it a free
/// variable of every function in between.
/// </summary>
internal sealed class SymbolTable
{
    private readonly Dictionary<string, Symbol> _store = new(StringComparer.Ordinal);
    private readonly SymbolTable _function;
    private readonly bool _globalScope;
    private int _nextLocal;
    private int _nextGlobal;

    private SymbolTable(SymbolTable? parent, bool isBlock, bool globalScope)
    {
        Parent = parent;
        IsBlock = isBlock;
        _function = isBlock ? parent!._function : this;
        _globalScope = globalScope;
    }

    public SymbolTable? Parent { get; }

    public bool IsBlock { get; }

    /// <summary>Outer symbols this function captures, in the order its closure receives them.</summary>
    public List<Symbol> FreeSymbols { get; } = [];

    /// <summary>How many local slots the function uses.</summary>
    public int LocalCount => _function._nextLocal;

    /// <summary>How many global slots a script's top level uses.</summary>
    public int GlobalCount => _function._nextGlobal;

    /// <summary>The table of a script's top level: its variables are globals.</summary>
    public static SymbolTable ForScript() => new(null, isBlock: false, globalScope: true);

    /// <summary>The table of a module's top level: its variables are locals of the module function.</summary>
    public static SymbolTable ForModule() => new(null, isBlock: false, globalScope: false);

    public SymbolTable ForkBlock() => new(this, isBlock: true, globalScope: false);

    public SymbolTable ForkFunction() => new(this, isBlock: false, globalScope: false);

    public bool IsDefinedHere(string name) => _store.TryGetValue(name, out var symbol) && symbol.Scope != SymbolScope.Free;

    /// <summary>
    /// Defines a variable here. Only a script's own top level makes globals: variables of blocks
    /// (loop bodies included) are locals of the top-level function, so closures made in a loop each
    /// capture that iteration's variable.
    /// </summary>
    public Symbol Define(string name)
    {
        var symbol = !IsBlock && _globalScope
            ? new Symbol(name, SymbolScope.Global, _nextGlobal++)
            : new Symbol(name, SymbolScope.Local, _function._nextLocal++);
        _store[name] = symbol;
        return symbol;
    }

    public Symbol? Resolve(string name)
    {
        if (_store.TryGetValue(name, out var symbol))
        {
            return symbol;
        }

        if (Parent is null)
        {
            var builtin = Builtins.IndexOf(name);
            return builtin >= 0 ? new Symbol(name, SymbolScope.Builtin, builtin) : null;
        }

        var outer = Parent.Resolve(name);
        if (outer is null || outer.Scope is SymbolScope.Global or SymbolScope.Builtin || IsBlock)
        {
            return outer;
        }

        FreeSymbols.Add(outer);
        var free = new Symbol(name, SymbolScope.Free, FreeSymbols.Count - 1);
        _store[name] = free;
        return free;
    }
}
