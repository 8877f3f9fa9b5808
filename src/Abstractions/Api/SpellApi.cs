namespace LlmSpell.Api;

/// <summary>
/// The spell API contract: the modules every engine binds, defined once. Engines read it at run
/// time, so a module added here (or by a host) appears in every language without touching an engine.
/// </summary>
public sealed class SpellApi
{
    public SpellApi(IEnumerable<SpellModule> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        Modules = [.. modules];
        var duplicate = Modules.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"module {duplicate.Key} is defined twice", nameof(modules));
        }
    }

    public IReadOnlyList<SpellModule> Modules { get; }

    public SpellModule? Find(string name) => Modules.FirstOrDefault(m => m.Name == name);

    public SpellApi With(params IEnumerable<SpellModule> modules) => new(Modules.Concat(modules));
}
