namespace LlmSpell.Api;

/// <summary>A named group of API functions, bound as one table/object (<c>llm</c>, <c>state</c>…) in every engine.</summary>
public sealed class SpellModule
{
    public SpellModule(string name, string description, IReadOnlyList<SpellFunction> functions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(functions);
        var duplicate = functions.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"module {name} defines {duplicate.Key} twice", nameof(functions));
        }

        Name = name;
        Description = description;
        Functions = functions;
        foreach (var function in functions)
        {
            function.Module = name;
        }
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<SpellFunction> Functions { get; }
}
