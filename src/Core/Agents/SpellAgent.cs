using System.Text;
using LlmSpell.Errors;
using LlmSpell.Llm;
using LlmSpell.Running;
using LlmSpell.Tools;
using LlmSpell.Values;
using Microsoft.Extensions.AI;

namespace LlmSpell.Agents;

/// <summary>
/// An agent of one run: instructions, a model, tools, and optionally a memory. <see cref="RunAsync"/>
/// runs MEAI's tool-calling loop until the model answers, it hands off, or max_turns is reached.
/// </summary>
public sealed class SpellAgent
{
    private const string ThreadKeyPrefix = "agent-threads/";
    private readonly List<ChatMessage> _memory = [];

    public SpellAgent(AgentSpec spec)
    {
        Spec = spec ?? throw new ArgumentNullException(nameof(spec));
        Budget = new UsageBudget($"agent '{spec.Name}'", spec.TokenBudget, spec.CostBudget);
    }

    public AgentSpec Spec { get; }

    public string Name => Spec.Name;

    /// <summary>The agent's own account, over all its runs in this spell run, checked against its token_budget and cost_budget between model turns.</summary>
    private UsageBudget Budget { get; }

    /// <summary>Tokens and cost of this agent in this spell run, over all its runs.</summary>
    public LlmUsage Usage => Budget.Usage;

    /// <param name="thread">A conversation to resume and extend, kept in the spell's state.</param>
    /// <param name="onChunk">When given, the answer is streamed to it as it arrives.</param>
    public async Task<string> RunAsync(SpellContext context, string input, string? thread, SpellCallback? onChunk)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var activity = Telemetry.SpellTelemetry.Source.StartActivity($"invoke_agent {Name}");
        activity?.SetTag(Telemetry.SpellTelemetry.Attributes.GenAiOperation, "invoke_agent");
        activity?.SetTag(Telemetry.SpellTelemetry.Attributes.GenAiAgentName, Name);
        try
        {
            return await RunCoreAsync(context, input, thread, onChunk).ConfigureAwait(false);
        }
        catch (SpellException e)
        {
            Telemetry.SpellTelemetry.SetError(activity, e.Error);
            throw;
        }
    }

    private async Task<string> RunCoreAsync(SpellContext context, string input, string? thread, SpellCallback? onChunk)
    {
        var target = context.Host.Llm.Resolve(Spec.Provider, Spec.Model);
        var history = thread is null ? (Spec.Memory ? _memory : []) : await LoadThreadAsync(context, thread).ConfigureAwait(false);
        var messages = new List<ChatMessage>();
        if (Spec.Instructions.Length > 0)
        {
            messages.Add(new ChatMessage(ChatRole.System, Spec.Instructions));
        }

        messages.AddRange(history);
        messages.Add(new ChatMessage(ChatRole.User, input));

        var handoff = new HandoffSlot();
        var options = new ChatOptions
        {
            ModelId = target.Model,
            Temperature = (float?)Spec.Temperature,
            MaxOutputTokens = Spec.MaxTokens,
            Tools = [.. Tools(context, handoff)],
        };
        var client = LlmPipeline.Create(context, target, new LlmCallShape(Spec.MaxTurns, ConcurrentTools: true, Budget));
        var answer = onChunk is null
            ? Answer(await client.GetResponseAsync(messages, options, context.CallCancellation).ConfigureAwait(false), handoff)
            : await StreamAsync(client, messages, options, onChunk, handoff, context.CallCancellation).ConfigureAwait(false);

        var turn = new[] { new ChatMessage(ChatRole.User, input), new ChatMessage(ChatRole.Assistant, answer) };
        if (thread is not null)
        {
            await SaveThreadAsync(context, thread, [.. history, .. turn]).ConfigureAwait(false);
        }
        else if (Spec.Memory)
        {
            _memory.AddRange(turn);
        }

        return answer;
    }

    private string Answer(ChatResponse response, HandoffSlot handoff)
    {
        if (handoff.Answer is { } handedOff)
        {
            return handedOff;
        }

        // The loop stops at max_turns even when the model still wants tools; that is not an answer.
        if (response.Messages.LastOrDefault()?.Contents.OfType<FunctionCallContent>().Any() == true && response.Text.Length == 0)
        {
            throw new SpellException(SpellErrorCode.AgentMaxTurns, $"agent '{Name}' was still calling tools after max_turns ({Spec.MaxTurns})");
        }

        return response.Text;
    }

    private async Task<string> StreamAsync(IChatClient client, List<ChatMessage> messages, ChatOptions options, SpellCallback onChunk, HandoffSlot handoff, CancellationToken cancellationToken)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
            if (update.Text.Length > 0)
            {
                await onChunk.InvokeAsync([SpellValue.From(update.Text)], cancellationToken).ConfigureAwait(false);
            }
        }

        var answer = Answer(updates.ToChatResponse(), handoff);
        if (handoff.Answer is not null)
        {
            await onChunk.InvokeAsync([SpellValue.From(answer)], cancellationToken).ConfigureAwait(false);
        }

        return answer;
    }

    private IEnumerable<AITool> Tools(SpellContext context, HandoffSlot handoff)
    {
        for (var i = 0; i < Spec.Tools.Count; i++)
        {
            var item = Spec.Tools[i];
            ISpellTool tool = item switch
            {
                SpellString name when context.Tools.Find(name.Value) is { } registered => registered,
                SpellString name when context.Agents.Find(name.Value) is { } other => new AgentTool(other),
                SpellString name => throw new SpellException(SpellErrorCode.NotFound, $"agent '{Name}': no tool or agent named '{name.Value}'"),
                _ => ScriptTool.FromSpec(item, $"agent '{Name}': tools item {i + 1}"),
            };
            yield return new ToolFunction(tool, context);
        }

        foreach (var name in Spec.Handoffs)
        {
            var other = context.Agents.Find(name) ?? throw new SpellException(SpellErrorCode.NotFound, $"agent '{Name}': no agent named '{name}' to hand off to");
            yield return new ToolFunction(new HandoffTool(other, handoff), context);
        }
    }

    private static async Task<List<ChatMessage>> LoadThreadAsync(SpellContext context, string thread)
    {
        var stored = await context.Host.State.GetAsync(context.StateScope, ThreadKeyPrefix + thread, context.CallCancellation).ConfigureAwait(false);
        return stored is SpellList list
            ? [.. list.OfType<SpellMap>().Select(m => new ChatMessage(m.Get("role") is SpellString { Value: "assistant" } ? ChatRole.Assistant : ChatRole.User, (m.Get("content") as SpellString)?.Value ?? ""))]
            : [];
    }

    private static ValueTask SaveThreadAsync(SpellContext context, string thread, IEnumerable<ChatMessage> messages) =>
        context.Host.State.SetAsync(context.StateScope, ThreadKeyPrefix + thread, new SpellList(messages.Select(m => (SpellValue)SpellValue.Map(
        [
            new("role", SpellValue.From(m.Role == ChatRole.Assistant ? "assistant" : "user")),
            new("content", SpellValue.From(m.Text)),
        ]))), context.CallCancellation);

    /// <summary>Where a handoff leaves the other agent's answer, which then ends this agent's run.</summary>
    internal sealed class HandoffSlot
    {
        public string? Answer { get; set; }
    }
}
