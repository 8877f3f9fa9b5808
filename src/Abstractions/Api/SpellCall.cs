using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Api;

/// <summary>
/// One call of an API function: the run it belongs to and its checked arguments. Host modules reach
/// the host's side of the run through <c>call.Context</c> (an extension of LlmSpell.Core).
/// </summary>
public readonly struct SpellCall(ISpellRun run, SpellFunction function, IReadOnlyList<SpellValue> arguments)
{
    public ISpellRun Run { get; } = run;

    public SpellFunction Function { get; } = function;

    public IReadOnlyList<SpellValue> Arguments { get; } = arguments;

    /// <summary>Fires when the run ends, or the branch the call belongs to is cancelled (<see cref="SpellBranch"/>).</summary>
    public CancellationToken CancellationToken => SpellBranch.TokenFor(Run);

    public SpellValue this[int index] => Arguments[index];

    public string GetString(int index) => ((SpellString)Arguments[index]).Value;

    public string? GetOptionalString(int index) => Arguments[index] is SpellString s ? s.Value : null;

    public long GetInt(int index) => Arguments[index] switch
    {
        SpellInt i => i.Value,
        SpellFloat f when f.Value == Math.Floor(f.Value) && Math.Abs(f.Value) < 9.2e18 => (long)f.Value,
        var other => throw BadArgument(index, $"must be an integer, got {other}"),
    };

    public SpellList GetList(int index) => (SpellList)Arguments[index];

    public SpellCallback GetCallback(int index) => (SpellCallback)Arguments[index];

    /// <summary>An options map; an omitted one reads as empty.</summary>
    public SpellOptions GetOptions(int index) =>
        new(Function.QualifiedName, Arguments[index] as SpellMap ?? SpellMap.Empty);

    public SpellException BadArgument(int index, string problem) =>
        new(SpellErrorCode.BadArgument, $"{Function.QualifiedName}: argument {index + 1} ({Function.Parameters[index].Name}) {problem}");
}
