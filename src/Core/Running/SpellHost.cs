using LlmSpell.Api;
using LlmSpell.Llm;
using LlmSpell.State;
using LlmSpell.Tools;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmSpell.Running;

/// <summary>The services shared by all runs of one process: the API, LLM access, the state store, logging, time.</summary>
public sealed class SpellHost(SpellApi api, LlmService llm, IStateStore state, ILoggerFactory? loggerFactory = null, TimeProvider? time = null, IEnumerable<ISpellTool>? tools = null)
{
    private readonly IEnumerable<ISpellTool> _toolSource = tools ?? [];
    private IReadOnlyList<ISpellTool>? _tools;

    /// <summary>
    /// Tools every run can call (built-in, MCP); spells add their own per run. Read at the first run,
    /// not at construction, because some sources (MCP servers) connect while the host starts.
    /// </summary>
    public IReadOnlyList<ISpellTool> Tools => _tools ??= [.. _toolSource];

    public SpellApi Api { get; } = api ?? throw new ArgumentNullException(nameof(api));

    public LlmService Llm { get; } = llm ?? throw new ArgumentNullException(nameof(llm));

    public IStateStore State { get; } = state ?? throw new ArgumentNullException(nameof(state));

    public ILoggerFactory LoggerFactory { get; } = loggerFactory ?? NullLoggerFactory.Instance;

    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    /// <summary>Serves a run's tools for <c>tools.serve()</c>; null where nothing can serve them.</summary>
    public Tools.IToolServer? ToolServer { get; init; }

    /// <summary>Durable workflow runs for <c>workflow.start</c>; null where no store is configured.</summary>
    public Workflows.IWorkflowService? Workflows { get; init; }

    /// <summary>Where spells find the spells they call; null where they cannot call any.</summary>
    public Spells.ISpellLibrary? Spells { get; init; }

    /// <summary>Where <c>artifacts</c> keeps what spells produce; null when the host offers none.</summary>
    public Artifacts.IArtifactStore? Artifacts { get; init; }
}
