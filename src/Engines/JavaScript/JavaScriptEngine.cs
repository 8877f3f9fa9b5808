using System.Collections.Concurrent;
using Acornima.Ast;
using Jint;
using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Engines.JavaScript;

/// <summary>JavaScript (ES2024+) through Jint: a fresh, locked-down engine for every run.</summary>
public sealed class JavaScriptEngine : ISpellEngine, IEditorSupport, ISyntaxCheck, IStarterSpell
{
    private const int MaxCachedScripts = 256;
    private const string Header = "(async function () {";

    // Parsing dominates start-up for a repeated spell; a prepared script is immutable and shareable.
    private readonly ConcurrentDictionary<string, Prepared<Script>> _prepared = new(StringComparer.Ordinal);

    public string Name => "js";

    public IReadOnlyList<string> Aliases { get; } = ["javascript"];

    public IReadOnlyList<string> FileExtensions { get; } = [".js"];

    public string Description => $"JavaScript through Jint {typeof(Engine).Assembly.GetName().Version?.ToString(3)}";

    public string DeclarationFileName => "llmspell.d.ts";

    public string StarterSource => """
        // Asks the model for facts about input.topic. Try: llmspell run <folder> --input topic=tides
        const reply = await llm.complete(`Give three short facts about ${input.topic}`);
        log.info("answered", { topic: input.topic });
        return { topic: input.topic, facts: reply };

        """;

    public string GenerateDeclarations(LlmSpell.Api.SpellApi api) => TypeScriptDeclarations.Generate(api);

    public SpellValue Execute(SpellScript script, ISpellRun context)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(context);
        var prepared = Prepare(script);
        using var sandbox = new JavaScriptSandbox(context);
        return sandbox.Run(prepared);
    }

    public void CheckSyntax(SpellScript script, LlmSpell.Api.SpellApi api)
    {
        ArgumentNullException.ThrowIfNull(script);
        Prepare(script);
    }

    private Prepared<Script> Prepare(SpellScript script)
    {
        var key = script.Name + "\n" + script.ContentHash;
        if (_prepared.TryGetValue(key, out var cached))
        {
            return cached;
        }

        // The spell is the body of an async function: top-level `return` gives the result and `await`
        // works at top level. `input` is a global, not a parameter, so a spell may declare its own.
        // The header shares the first line so line numbers in errors stay those of the file.
        var source = Header + script.SourceWithoutShebang + "\n})";
        Prepared<Script> prepared;
        try
        {
            prepared = Engine.PrepareScript(source, script.Name, strict: true);
            if (prepared.Program is { } program && SuspendingDestructuring.Rewrite(source, program) is { } rewritten)
            {
                prepared = Engine.PrepareScript(rewritten, script.Name, strict: true);
            }
        }
        catch (ScriptPreparationException ex) when (ex.InnerException is Acornima.ParseErrorException parse)
        {
            // Acornima counts columns from 0; locations count from 1.
            var column = (parse.LineNumber == 1 ? Math.Max(0, parse.Column - Header.Length) : parse.Column) + 1;
            throw new SpellException(new SpellError(SpellErrorCode.SyntaxError, parse.Error?.Description ?? parse.Message, new SpellLocation(script.Name, parse.LineNumber, column)));
        }
        catch (ScriptPreparationException ex) when (ex.InnerException is InsufficientExecutionStackException || ex.Message.Contains("nesting exceeds", StringComparison.Ordinal))
        {
            // Jint's parser stops at its nesting limit (or where the stack runs short): the spell's
            // own code is too deep, a syntax error of the spell, placed where the nesting gets deep.
            var (line, column) = DeepNesting.Where(script.SourceWithoutShebang) ?? (1, 1);
            throw new SpellException(new SpellError(SpellErrorCode.SyntaxError,
                $"the script nests deeper than the parser allows ({DeepNesting.Limit} levels of brackets, calls or member accesses)", new SpellLocation(script.Name, line, column)));
        }

        if (_prepared.Count >= MaxCachedScripts)
        {
            _prepared.Clear();
        }

        _prepared[key] = prepared;
        return prepared;
    }
}
