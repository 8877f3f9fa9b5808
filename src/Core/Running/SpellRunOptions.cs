using LlmSpell.Values;

namespace LlmSpell.Running;

/// <summary>How to run one spell.</summary>
public sealed record SpellRunOptions
{
    /// <summary>The script's <c>input</c> global.</summary>
    public SpellMap Input { get; init; } = SpellMap.Empty;

    /// <summary>An engine name that overrides the file extension and shebang.</summary>
    public string? Engine { get; init; }

    public SandboxLimits Limits { get; init; } = SandboxLimits.Default;

    /// <summary>Where <c>print</c> goes; nowhere when null.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>The state namespace; by default the script's file name without extension, so hello.lua and hello.js share one.</summary>
    public string? StateScope { get; init; }

    /// <summary>Set by hosts that run the spell as part of a durable workflow (see <see cref="Workflows.WorkflowInvocation"/>).</summary>
    public Workflows.WorkflowInvocation? Workflow { get; init; }

    /// <summary>Where <c>workflow.start</c> and friends go for this run, instead of the host's (a Functions trigger's durable client).</summary>
    public Workflows.IWorkflowService? Workflows { get; init; }

    /// <summary>Called with each <c>llm.stream</c> chunk as it arrives, for hosts that forward them (server-sent events).</summary>
    public Action<string>? OnStreamChunk { get; init; }

    /// <summary>Budgets the whole run counts against from its start (a durable step's share of its workflow's budget).</summary>
    public IReadOnlyList<Llm.IUsageMeter> Budgets { get; init; } = [];
}
