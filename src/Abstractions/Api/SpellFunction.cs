using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Api;

/// <summary>The host side of an API function; arguments arrive already checked against the contract.</summary>
public delegate ValueTask<SpellValue> SpellHandler(SpellCall call);

/// <summary>
/// One function of the spell API: its name, typed parameters and handler. Engines bind it by name
/// and call <see cref="InvokeAsync"/>; argument checking lives here so every engine reports a bad
/// argument with the same words.
/// </summary>
public sealed class SpellFunction
{
    public SpellFunction(string name, string description, IReadOnlyList<SpellParameter> parameters, SpellTypes returns, SpellHandler handler, bool isAsync = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(handler);
        var firstOptional = parameters.ToList().FindIndex(p => p.IsOptional);
        if (firstOptional >= 0 && parameters.Skip(firstOptional).Any(p => !p.IsOptional))
        {
            throw new ArgumentException($"{name}: a required parameter cannot follow an optional one", nameof(parameters));
        }

        Name = name;
        Description = description;
        Parameters = parameters;
        Returns = returns;
        Handler = handler;
        IsAsync = isAsync;
    }

    public string Name { get; }

    /// <summary>The module this function belongs to; set when the module is built.</summary>
    public string Module { get; internal set; } = "";

    public string QualifiedName => Module.Length == 0 ? Name : $"{Module}.{Name}";

    public string Description { get; }

    public IReadOnlyList<SpellParameter> Parameters { get; }

    public SpellTypes Returns { get; }

    /// <summary>
    /// True when the function waits on I/O (LLM, store, timer). JavaScript sees a Promise; engines
    /// without async syntax block the script until the result arrives.
    /// </summary>
    public bool IsAsync { get; }

    public SpellHandler Handler { get; }

    public ValueTask<SpellValue> InvokeAsync(ISpellRun run, IReadOnlyList<SpellValue> arguments)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(arguments);

        // A cancelled branch makes no more calls: whatever it would do next, it must not happen.
        if (SpellBranch.CancelledCall() is { } cancelled)
        {
            return ValueTask.FromException<SpellValue>(cancelled);
        }

        var call = new SpellCall(run, this, CheckArguments(arguments));
        return IsAsync && Telemetry.SpellTelemetry.Source.HasListeners() ? TracedAsync(call) : Handler(call);
    }

    /// <summary>A call that does I/O, as a span (a child of the run's), so a trace shows where the time went.</summary>
    private async ValueTask<SpellValue> TracedAsync(SpellCall call)
    {
        using var activity = Telemetry.SpellTelemetry.Source.StartActivity(QualifiedName);
        activity?.SetTag(Telemetry.SpellTelemetry.Attributes.Function, QualifiedName);
        try
        {
            return await Handler(call).ConfigureAwait(false);
        }
        catch (SpellException e)
        {
            Telemetry.SpellTelemetry.SetError(activity, e.Error);
            throw;
        }
    }

    private SpellValue[] CheckArguments(IReadOnlyList<SpellValue> arguments)
    {
        if (arguments.Count > Parameters.Count)
        {
            // Trailing nulls are what Lua and JavaScript pass for "nothing"; only real extra values are an error.
            for (var i = Parameters.Count; i < arguments.Count; i++)
            {
                if (!arguments[i].IsNull)
                {
                    throw new SpellException(SpellErrorCode.BadArgument, $"{QualifiedName} takes at most {Parameters.Count} argument{(Parameters.Count == 1 ? "" : "s")}, got {arguments.Count}");
                }
            }
        }

        var checkedArguments = new SpellValue[Parameters.Count];
        for (var i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            var value = i < arguments.Count ? arguments[i] : SpellValue.Null;
            if (value.IsNull && parameter.IsOptional)
            {
                checkedArguments[i] = value;
                continue;
            }

            // An empty Lua table arrives as an empty map; where only a list makes sense it is one.
            if (value is SpellMap { Count: 0 } && parameter.Types.HasFlag(SpellTypes.List) && !parameter.Types.HasFlag(SpellTypes.Map))
            {
                value = SpellList.Empty;
            }

            if (!parameter.Types.Accepts(value.Kind))
            {
                var got = value.IsNull ? "nothing" : SpellValue.TypeName(value.Kind);
                throw new SpellException(SpellErrorCode.BadArgument, $"{QualifiedName}: argument {i + 1} ({parameter.Name}) must be {parameter.Types.Describe()}, got {got}");
            }

            checkedArguments[i] = value;
        }

        return checkedArguments;
    }
}
