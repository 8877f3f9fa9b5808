using System.Collections.Concurrent;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Engines.Lua;

/// <summary>Lua 5.4 (native, through KeraLua): a fresh sandboxed state for every run.</summary>
public sealed class LuaEngine : ISpellEngine, IEditorSupport, ISyntaxCheck, IStarterSpell
{
    private const int MaxCachedSources = 256;

    // The source as it is loaded (see ApiTailCalls), per spell version and set of API modules.
    private readonly ConcurrentDictionary<string, string> _sources = new(StringComparer.Ordinal);

    public string Name => "lua";

    public IReadOnlyList<string> Aliases { get; } = [];

    public IReadOnlyList<string> FileExtensions { get; } = [".lua"];

    public string Description => "Lua 5.4, native, through KeraLua";

    public string DeclarationFileName => "llmspell.lua";

    public string StarterSource => """
        -- Asks the model for facts about input.topic. Try: llmspell run <folder> --input topic=tides
        local reply = llm.complete("Give three short facts about " .. input.topic)
        log.info("answered", { topic = input.topic })
        return { topic = input.topic, facts = reply }

        """;

    public string GenerateDeclarations(LlmSpell.Api.SpellApi api) => LuaLanguageServerAnnotations.Generate(api);

    public SpellValue Execute(SpellScript script, ISpellRun context)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(context);
        using var sandbox = new LuaSandbox(context);
        return sandbox.Run(script, LoadedSource(script, context.Api));
    }

    private string LoadedSource(SpellScript script, LlmSpell.Api.SpellApi api)
    {
        var modules = api.Modules.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var key = string.Join(',', modules) + "\n" + script.Name + "\n" + script.ContentHash;
        if (!_sources.TryGetValue(key, out var source))
        {
            if (_sources.Count >= MaxCachedSources)
            {
                _sources.Clear();
            }

            source = ApiTailCalls.Rewrite(script.SourceWithoutShebang, modules);
            _sources[key] = source;
        }

        return source;
    }

    /// <summary>Compiles the chunk in a bare state (no libraries, nothing runs), as a run would load it.</summary>
    public void CheckSyntax(SpellScript script, LlmSpell.Api.SpellApi api)
    {
        ArgumentNullException.ThrowIfNull(script);
        using var lua = new KeraLua.Lua(openLibs: false);
        if (lua.LoadString(script.SourceWithoutShebang, "@" + script.Name) != KeraLua.LuaStatus.OK)
        {
            var (location, message) = LuaSandbox.SplitLocation(lua.ToString(-1) ?? "the chunk does not load");
            throw new LlmSpell.Errors.SpellException(new LlmSpell.Errors.SpellError(LlmSpell.Errors.SpellErrorCode.SyntaxError, message, location));
        }
    }
}
