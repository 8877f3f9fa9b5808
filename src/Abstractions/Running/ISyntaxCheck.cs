using LlmSpell.Api;

namespace LlmSpell.Running;

/// <summary>
/// An engine that can check a script without running it: <c>llmspell validate</c> and servers
/// loading a folder of spells report a syntax error before anyone calls the spell.
/// </summary>
public interface ISyntaxCheck
{
    /// <summary>Parses (and where the language resolves names at compile time, compiles) the script.</summary>
    /// <exception cref="Errors.SpellException">With code <c>syntax_error</c>, located in the script.</exception>
    void CheckSyntax(SpellScript script, SpellApi api);
}
