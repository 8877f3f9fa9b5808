using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Engines.Lua;

/// <summary>Lua 5.4 (native, through KeraLua): a fresh sandboxed state for every run.</summary>
public sealed class LuaEngine : ISpellEngine, IEditorSupport
{
    public string Name => "lua";

    public IReadOnlyList<string> Aliases { get; } = [];

    public IReadOnlyList<string> FileExtensions { get; } = [".lua"];

    public string Description => "Lua 5.4, native, through KeraLua";

    public string DeclarationFileName => "llmspell.lua";

    public string GenerateDeclarations(LlmSpell.Api.SpellApi api) => LuaLanguageServerAnnotations.Generate(api);

    public SpellValue Execute(SpellScript script, ISpellRun context)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(context);
        using var sandbox = new LuaSandbox(context);
        return sandbox.Run(script);
    }
}
