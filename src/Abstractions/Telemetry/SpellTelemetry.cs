using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LlmSpell.Telemetry;

/// <summary>
/// LlmSpell's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named
/// <see cref="Name"/>: a host subscribes to that name (OpenTelemetry's AddSource/AddMeter) and sees
/// spell runs, API calls that do I/O, LLM calls (GenAI conventions), tool calls, agent turns and
/// workflow steps. With no listener every span costs one check.
/// </summary>
public static class SpellTelemetry
{
    public const string Name = "LlmSpell";

    public static ActivitySource Source { get; } = new(Name, typeof(SpellTelemetry).Assembly.GetName().Version?.ToString());

    public static Meter Meter { get; } = new(Name, typeof(SpellTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Finished runs, by <see cref="Attributes.Engine"/> and <see cref="Attributes.Outcome"/> (ok, or the error code).</summary>
    public static Counter<long> Runs { get; } = Meter.CreateCounter<long>("llmspell.runs", "{run}", "Spell runs that finished");

    public static Histogram<double> RunDuration { get; } = Meter.CreateHistogram<double>("llmspell.run.duration", "s", "How long spell runs took");

    /// <summary>Failed runs by <c>error.type</c> (the spell error code).</summary>
    public static Counter<long> Errors { get; } = Meter.CreateCounter<long>("llmspell.errors", "{error}", "Spell runs that ended with an error, by code");

    /// <summary>Tokens by <c>gen_ai.token.type</c> (input, output), provider and model.</summary>
    public static Counter<long> Tokens { get; } = Meter.CreateCounter<long>("llmspell.llm.tokens", "{token}", "Tokens sent to and received from LLMs");

    /// <summary>What LLM calls cost by the price table, by provider and model.</summary>
    public static Counter<double> Cost { get; } = Meter.CreateCounter<double>("llmspell.llm.cost", "USD", "What LLM calls cost, by the price table");

    /// <summary>Attribute names: the OpenTelemetry semantic conventions where one exists, else <c>llmspell.*</c>.</summary>
    public static class Attributes
    {
        public const string SpellName = "llmspell.spell.name";
        public const string SpellHash = "llmspell.spell.hash";
        public const string Engine = "llmspell.engine";
        public const string Outcome = "llmspell.outcome";
        public const string Function = "llmspell.function";
        public const string WorkflowName = "llmspell.workflow.name";
        public const string WorkflowStep = "llmspell.workflow.step";
        public const string RunId = "llmspell.run.id";
        public const string CostUsd = "llmspell.cost_usd";
        public const string ErrorType = "error.type";
        public const string CodeFile = "code.file.path";
        public const string CodeLine = "code.line.number";
        public const string GenAiOperation = "gen_ai.operation.name";
        public const string GenAiProvider = "gen_ai.provider.name";
        public const string GenAiRequestModel = "gen_ai.request.model";
        public const string GenAiInputTokens = "gen_ai.usage.input_tokens";
        public const string GenAiOutputTokens = "gen_ai.usage.output_tokens";
        public const string GenAiTokenType = "gen_ai.token.type";
        public const string GenAiAgentName = "gen_ai.agent.name";
        public const string GenAiToolName = "gen_ai.tool.name";
    }

    /// <summary>Marks <paramref name="activity"/> failed with a spell error's code (and where, when known).</summary>
    public static void SetError(Activity? activity, Errors.SpellError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (activity is null)
        {
            return;
        }
        activity.SetStatus(ActivityStatusCode.Error, error.Message);
        activity.SetTag(Attributes.ErrorType, error.Code);
        if (error.Location is { } location)
        {
            activity.SetTag(Attributes.CodeFile, location.File);
            activity.SetTag(Attributes.CodeLine, location.Line);
        }
    }
}
