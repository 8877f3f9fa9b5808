using LlmSpell.Api;

namespace LlmSpell.Running;

/// <summary>
/// An engine that can describe the spell API to editors in its language (TypeScript declarations,
/// LuaLS annotations), generated from the contract so the two never disagree.
/// </summary>
public interface IEditorSupport
{
    /// <summary>The file name editors expect, e.g. <c>llmspell.d.ts</c>.</summary>
    string DeclarationFileName { get; }

    string GenerateDeclarations(SpellApi api);
}
