using LlmSpell.Running;
using Microsoft.Extensions.AI;

namespace LlmSpell.Llm;

/// <summary>
/// The one way a spell's LLM call reaches a provider — <c>llm.*</c> and agents alike — built with
/// <see cref="ChatClientBuilder"/> in this one place. From the outside in: logging, errors as spell
/// errors, the tool-calling loop (when the call offers tools), usage and budget per model turn, and
/// a GenAI-conventions span per model turn (<see cref="TelemetryChatClient"/>, on LlmSpell's source,
/// which the loop's tool calls use too), usage, cost and budgets per turn, and the provider's client
/// (which maps its vendor's failures and retries).
/// </summary>
public static class LlmPipeline
{
    public static IChatClient Create(SpellContext context, LlmTarget target, LlmCallShape? shape = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(target);
        shape ??= LlmCallShape.Plain;
        var builder = new ChatClientBuilder(LlmService.GetChatClient(target))
            .UseLogging(context.Host.LoggerFactory)
            .Use(inner => new SpellErrorChatClient(inner, target));
        if (shape.MaxToolTurns is { } turns)
        {
            builder.UseFunctionInvocation(context.Host.LoggerFactory, loop =>
            {
                loop.MaximumIterationsPerRequest = turns;
                loop.AllowConcurrentInvocation = shape.ConcurrentTools;
                loop.IncludeDetailedErrors = true;
            });
        }

        var price = context.Host.Llm.Prices.Find(target);
        return builder
            .Use(inner => new TelemetryChatClient(inner, target, price, context.Host.Llm.RecordPrompts))
            .Use(inner => new UsageChatClient(inner, context, target, price, shape.Meter))
            .Build();
    }
}

/// <summary>What a call needs of the pipeline beyond the provider.</summary>
/// <param name="MaxToolTurns">Run the tool-calling loop for at most this many model turns; null when the call offers no tools.</param>
/// <param name="ConcurrentTools">Let the loop run a turn's tool calls side by side.</param>
/// <param name="Meter">A second account of tokens and cost with a limit (an agent's budget).</param>
public sealed record LlmCallShape(int? MaxToolTurns = null, bool ConcurrentTools = false, IUsageMeter? Meter = null)
{
    public static LlmCallShape Plain { get; } = new();
}
