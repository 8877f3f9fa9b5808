using LlmSpell.Values;

namespace LlmSpell.Running;

/// <summary>
/// A script language. An engine is an adapter: it builds a fresh sandbox for each run, binds the
/// API of <see cref="ISpellRun.Api"/> to its language, and converts values at the bridge.
/// Implementations are registered with DI; Core never names one.
/// </summary>
public interface ISpellEngine
{
    /// <summary>Short name used by <c>--engine</c> and <c>#!llmspell NAME</c>, e.g. <c>lua</c>.</summary>
    string Name { get; }

    /// <summary>Other names accepted for <see cref="Name"/>, e.g. <c>javascript</c> for <c>js</c>.</summary>
    IReadOnlyList<string> Aliases { get; }

    /// <summary>File extensions this engine runs, with the dot (<c>.lua</c>).</summary>
    IReadOnlyList<string> FileExtensions { get; }

    /// <summary>What runs underneath, for <c>llmspell engines</c> (e.g. "Lua 5.4.6 via KeraLua").</summary>
    string Description { get; }

    /// <summary>
    /// Runs the script to completion on the calling thread, which owns the sandbox for the whole run,
    /// and returns the script's result.
    /// </summary>
    /// <exception cref="Errors.SpellException">For every failure of the script, including limits.</exception>
    SpellValue Execute(SpellScript script, ISpellRun context);
}
