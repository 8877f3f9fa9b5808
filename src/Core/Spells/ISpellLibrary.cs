using LlmSpell.Running;

namespace LlmSpell.Spells;

/// <summary>Where a spell finds the other spells it calls (<c>spells.call</c>, a workflow's <c>{ spell = … }</c> step).</summary>
public interface ISpellLibrary
{
    /// <summary>The spell <paramref name="name"/> names, seen from <paramref name="caller"/>.</summary>
    /// <exception cref="Errors.SpellException">With code <c>not_found</c> or <c>bad_argument</c>, naming what was looked for and where.</exception>
    Task<SpellScript> LoadAsync(string name, SpellScript caller, CancellationToken cancellationToken);
}
