using LlmSpell.Running;
using LlmSpell.Tools;
using LlmSpell.Values;

namespace LlmSpell.Agents;

/// <summary>Another agent offered as a tool: the model sends it a request and gets its answer back.</summary>
internal sealed class AgentTool(SpellAgent agent) : ISpellTool
{
    public string Name => agent.Name;

    public string Description => agent.Spec.Description.Length > 0 ? agent.Spec.Description : $"Ask the agent '{agent.Name}'.";

    public ToolSchema Parameters { get; } = DelegateTool.Schema("""{"type":"object","properties":{"input":{"type":"string","description":"what to ask"}},"required":["input"],"additionalProperties":false}""");

    public string Source => "agent";

    public async ValueTask<SpellValue> InvokeAsync(SpellMap arguments, SpellContext context) =>
        SpellValue.From(await agent.RunAsync(context, ((SpellString)arguments["input"]).Value, thread: null, onChunk: null).ConfigureAwait(false));
}

/// <summary>
/// <c>transfer_to_&lt;agent&gt;</c>: hands the conversation to another agent, whose answer becomes the
/// answer of the run; the calling agent's tool loop ends there.
/// </summary>
internal sealed class HandoffTool(SpellAgent target, SpellAgent.HandoffSlot slot) : ISpellTool
{
    public string Name => "transfer_to_" + target.Name;

    public string Description => $"Hand the conversation over to agent '{target.Name}'" + (target.Spec.Description.Length > 0 ? $": {target.Spec.Description}" : ".");

    public ToolSchema Parameters { get; } = DelegateTool.Schema("""{"type":"object","properties":{"message":{"type":"string","description":"what the other agent must do, with the context it needs"}},"required":["message"],"additionalProperties":false}""");

    public string Source => "agent";

    public async ValueTask<SpellValue> InvokeAsync(SpellMap arguments, SpellContext context)
    {
        var answer = await target.RunAsync(context, ((SpellString)arguments["message"]).Value, thread: null, onChunk: null).ConfigureAwait(false);
        slot.Answer = answer;
        if (Microsoft.Extensions.AI.FunctionInvokingChatClient.CurrentContext is { } invocation)
        {
            invocation.Terminate = true;
        }

        return SpellValue.From(answer);
    }
}
