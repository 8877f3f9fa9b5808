using LlmSpell.Api;
using LlmSpell.Engines.Tengo.Language;

namespace LlmSpell.Engines.Tengo;

/// <summary>
/// The names a Tengo spell imports the spell API under. Every module is <c>import("llmspell/llm")</c>;
/// the bare name (<c>import("llm")</c>) works too, except where the Tengo language has a standard
/// module of that name (<c>json</c>): there the bare name keeps the language's meaning, so scripts
/// written for the reference run unchanged, and the API's module is reached by its full name.
/// </summary>
internal static class ApiImports
{
    public const string Prefix = "llmspell/";

    public static IEnumerable<(string Name, SpellModule Module)> Of(IEnumerable<SpellModule> modules)
    {
        foreach (var module in modules)
        {
            yield return (Prefix + module.Name, module);
            if (!StandardModules.Names.Contains(module.Name))
            {
                yield return (module.Name, module);
            }
        }
    }
}
