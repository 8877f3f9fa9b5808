using System.Collections.Concurrent;
using LlmSpell.Engines.Tengo.Language;
using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Engines.Tengo;

/// <summary>Tengo through LlmSpell's own interpreter: a fresh VM for every run, compiled code shared between runs.</summary>
public sealed class TengoEngine : ISpellEngine, ISyntaxCheck, IEditorSupport, IStarterSpell
{
    private const int MaxCachedPrograms = 256;

    /// <summary>The globals every spell sees besides the builtins; the spell API is imported by name.</summary>
    internal static readonly IReadOnlyList<string> Globals = ["input"];

    private readonly ConcurrentDictionary<string, TengoProgram> _programs = new(StringComparer.Ordinal);

    public string Name => "tengo";

    public IReadOnlyList<string> Aliases { get; } = [];

    public IReadOnlyList<string> FileExtensions { get; } = [".tengo"];

    public string Description => "Tengo, LlmSpell's own bytecode interpreter";

    public string DeclarationFileName => "llmspell.tengo";

    public string StarterSource => """
        // Asks the model for facts about input.topic. Try: llmspell run <folder> --input topic=tides
        llm := import("llm")
        log := import("log")
        reply := llm.complete("Give three short facts about " + input.topic)
        log.info("answered", {topic: input.topic})
        export {topic: input.topic, facts: reply}

        """;

    public string GenerateDeclarations(LlmSpell.Api.SpellApi api) => TengoStubModules.Generate(api);

    public SpellValue Execute(SpellScript script, ISpellRun context)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(context);
        var program = Compile(script, context.Api);
        var sandbox = new TengoSandbox(context);
        return sandbox.Run(program);
    }

    public void CheckSyntax(SpellScript script, LlmSpell.Api.SpellApi api)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(api);
        Compile(script, api);
    }

    private TengoProgram Compile(SpellScript script, LlmSpell.Api.SpellApi api)
    {
        var apiModules = ApiImports.Of(api.Modules).Select(i => i.Name).ToList();
        var key = string.Join(',', apiModules) + "\n" + script.Name + "\n" + script.ContentHash;
        if (_programs.TryGetValue(key, out var cached))
        {
            return cached;
        }

        TengoProgram program;
        try
        {
            var modules = new HashSet<string>(StandardModules.Names.Concat(apiModules), StringComparer.Ordinal);
            program = TengoProgram.Compile(script.Name, script.SourceWithoutShebang, Globals, modules);
        }
        catch (TengoCompileException ex)
        {
            var error = ex.First;
            throw new SpellException(new SpellError(SpellErrorCode.SyntaxError, error.Message, new SpellLocation(script.Name, error.Pos.Line, error.Pos.Column)));
        }

        if (_programs.Count >= MaxCachedPrograms)
        {
            _programs.Clear();
        }

        _programs[key] = program;
        return program;
    }
}
