using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Spells;

/// <summary>
/// One spell running another, in any engine: the callee gets a sandbox of its own with the caller's
/// limits, its prints join the caller's output, its model calls count against the caller's
/// budgets and usage, and its events join the caller's report. Its result is the call's; its error
/// (with its own file:line) the call's failure.
/// </summary>
public static class SpellCalls
{
    /// <summary>Spells calling spells may nest this deep; deeper is a spell calling itself.</summary>
    public const int MaxDepth = 8;

    private static readonly AsyncLocal<int> Depth = new();

    /// <summary>The spell <paramref name="name"/> names, as the caller's host finds it.</summary>
    public static Task<SpellScript> FindAsync(SpellContext context, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var library = context.Host.Spells
            ?? throw new SpellException(SpellErrorCode.BadArgument, "this host has no spell library, so a spell cannot call another (llmspell run, serve, worker and the Functions app have one)");
        return library.LoadAsync(name, context.Script, cancellationToken);
    }

    public static async Task<SpellValue> RunAsync(SpellContext context, SpellScript script, SpellValue input, string caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(script);
        var spellInput = InputOf(script, input, caller);
        if (Depth.Value >= MaxDepth)
        {
            throw new SpellException(SpellErrorCode.RuntimeError, $"{caller}: spells called spells {MaxDepth} deep (at {script.Name}); a spell that calls itself never ends");
        }

        var runner = context.Runner ?? throw new InvalidOperationException("the run has no runner to run another spell with");
        Depth.Value++;
        SpellRunResult result;
        try
        {
            result = await runner.RunAsync(script, new SpellRunOptions
            {
                Input = spellInput,
                Limits = context.Limits,
                Output = new ForwardedOutput(context.Output),
                Budgets = context.Budgets,
                Workflows = context.WorkflowService,
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Depth.Value--;
        }

        context.Usage.Add(result.Usage);
        foreach (var spellEvent in result.Events)
        {
            context.Events.Record(spellEvent);
        }

        return result.Error is { } error ? throw new SpellException(error) : result.Value;
    }

    /// <summary>What a called spell gets as its <c>input</c>: the map it was given (null is none); <paramref name="caller"/> words the refusal of anything else.</summary>
    public static SpellMap InputOf(SpellScript script, SpellValue input, string caller)
    {
        ArgumentNullException.ThrowIfNull(script);
        return input switch
        {
            SpellMap map => map,
            SpellNull => SpellMap.Empty,
            _ => throw new SpellException(SpellErrorCode.BadArgument, $"{caller}: {script.Name} gets its input as a map (its `input`), got {SpellValue.TypeName(input.Kind)}; pass {{ name = value }}"),
        };
    }

    /// <summary>The callee's prints, line by line into the caller's output (and its limit).</summary>
    private sealed class ForwardedOutput(SpellOutput output) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void WriteLine(string? value) => output.WriteLine(value ?? "");

        public override void Write(char value) => throw new NotSupportedException("spell output is written a line at a time");
    }
}
