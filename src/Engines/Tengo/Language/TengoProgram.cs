namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// A compiled script: immutable, so one compilation serves every run of the same source.
/// </summary>
public sealed class TengoProgram
{
    internal TengoProgram(string name, CompiledFunction main, int globalCount, IReadOnlyList<string> globalNames)
    {
        Name = name;
        Main = main;
        GlobalCount = globalCount;
        GlobalNames = globalNames;
    }

    public string Name { get; }

    internal CompiledFunction Main { get; }

    internal int GlobalCount { get; }

    /// <summary>The predeclared globals, in slot order; the host gives their values when it runs the program.</summary>
    public IReadOnlyList<string> GlobalNames { get; }

    /// <summary>Parses and compiles a script. Imports are checked against <paramref name="modules"/>.</summary>
    /// <exception cref="TengoCompileException">The script has a syntax or compile error.</exception>
    public static TengoProgram Compile(string name, string source, IReadOnlyList<string> globals, IReadOnlySet<string> modules)
    {
        ArgumentNullException.ThrowIfNull(globals);
        ArgumentNullException.ThrowIfNull(modules);
        return Compiler.CompileScript(Parser.Parse(name, source), globals, modules);
    }

    /// <summary>Parses and compiles a module written in Tengo (its top level runs once per import).</summary>
    public static TengoProgram CompileModule(string name, string source, IReadOnlySet<string> modules) =>
        Compiler.CompileModule(Parser.Parse(name, source), modules);
}
