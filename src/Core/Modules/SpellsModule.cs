using LlmSpell.Api;
using LlmSpell.Spells;
using LlmSpell.Values;

namespace LlmSpell.Modules;

/// <summary><c>spells.call(name, input)</c>: run another spell of the project, in whatever language it is written.</summary>
public static class SpellsModule
{
    public static SpellModule Definition { get; } = new("spells", "Other spells of the project, in any engine.",
    [
        new SpellFunction("call", "Run another spell (a path relative to this one, extension optional) with the given input; returns its result, or fails with its error. It shares this run's limits, budgets and output.",
            [new("name", SpellTypes.String, "e.g. summarize.js or agents/plan"), new("input", SpellTypes.Map | SpellTypes.Null, "its input", IsOptional: true)], SpellTypes.Any,
            async call =>
            {
                var context = call.Context;
                var script = await SpellCalls.FindAsync(context, call.GetString(0), call.CancellationToken).ConfigureAwait(false);
                return await SpellCalls.RunAsync(context, script, call.Arguments.Count > 1 ? call[1] : SpellValue.Null, call.Function.QualifiedName, call.CancellationToken).ConfigureAwait(false);
            }, isAsync: true),
    ]);
}
