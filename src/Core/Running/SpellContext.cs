using LlmSpell.Api;
using LlmSpell.Errors;
using LlmSpell.Values;
using Microsoft.Extensions.Logging;

namespace LlmSpell.Running;

/// <summary>Everything one run can reach: its input, limits, output, services and cancellation.</summary>
public sealed class SpellContext : ISpellRun
{
    private readonly CancellationToken _externalToken;
    private SpellError? _trippedLimit;
    private Workflows.IWorkflowService? _workflowService;
    private System.Collections.Immutable.ImmutableList<Llm.IUsageMeter> _budgets = [];

    internal SpellContext(SpellHost host, SpellScript script, SpellValue input, SandboxLimits limits, SpellOutput output, string stateScope, CancellationToken runToken, CancellationToken externalToken)
    {
        Host = host;
        Script = script;
        Input = input;
        Limits = limits;
        Output = output;
        StateScope = stateScope;
        CancellationToken = runToken;
        _externalToken = externalToken;
        Dispatcher = new SpellDispatcher();
        Tools = new Tools.ToolSet(host.Tools);
        Logger = host.LoggerFactory.CreateLogger("spell." + script.Name);
    }

    /// <summary>
    /// A context for calling host tools outside any spell run (serving them over MCP): no script, the
    /// default limits, output discarded, state and workspace under <paramref name="scope"/>.
    /// </summary>
    public static SpellContext ForToolCall(SpellHost host, string scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var limits = SandboxLimits.Default;
        return new SpellContext(host, new SpellScript(scope, ""), SpellMap.Empty, limits, new SpellOutput(TextWriter.Null, limits.MaxOutputBytes), scope, cancellationToken, cancellationToken);
    }

    public SpellHost Host { get; }

    /// <summary>The runner that runs this run, and the spells it calls.</summary>
    public SpellRunner? Runner { get; internal init; }

    /// <summary>
    /// What a host call made now observes: the run's <see cref="CancellationToken"/>, or the token of
    /// the branch (<c>async.all</c>, <c>async.spawn</c>) the call belongs to, which can end sooner.
    /// </summary>
    public CancellationToken CallCancellation => SpellBranch.TokenFor(this);

    public SpellApi Api => Host.Api;

    public SpellScript Script { get; }

    public SpellValue Input { get; }

    public SandboxLimits Limits { get; }

    public SpellOutput Output { get; }

    /// <summary>The state namespace of this spell; two spells never see each other's keys.</summary>
    public string StateScope { get; }

    public ILogger Logger { get; }

    /// <summary>The tools this run can call: the host's and those the spell registered.</summary>
    public Tools.ToolSet Tools { get; }

    /// <summary>The agents this run has created.</summary>
    public Agents.AgentSet Agents { get; } = new();

    /// <summary>The tasks this run has spawned with <c>async.spawn</c>.</summary>
    public Async.SpellTaskSet Tasks { get; } = new();

    /// <summary>The run's events (<c>events.emit/on/wait</c>), kept for its report.</summary>
    public Events.SpellEventBus Events { get; } = new();

    /// <summary>The workflows this run has declared.</summary>
    public Workflows.WorkflowSet Workflows { get; } = new();

    /// <summary>Why the host runs this spell: to run it (null), to capture its workflow, or to run one workflow step.</summary>
    public Workflows.WorkflowInvocation? WorkflowInvocation { get; internal init; }

    /// <summary>Durable runs for <c>workflow.start</c>: the run's own, else the host's; null where there are none.</summary>
    public Workflows.IWorkflowService? WorkflowService { get => _workflowService ?? Host.Workflows; internal init => _workflowService = value; }

    /// <summary>The host's listener for <c>llm.stream</c> chunks, if it forwards them.</summary>
    public Action<string>? OnStreamChunk { get; internal init; }

    /// <summary>The result the host ended the run with through <see cref="Finish"/>.</summary>
    public SpellValue? FinishedWith { get; private set; }

    /// <summary>The error the host ended the run with through <see cref="Fail"/>.</summary>
    public SpellError? FailedWith { get; private set; }

    /// <summary>Tokens and cost of this run across all its LLM calls.</summary>
    public Llm.LlmUsage Usage { get; } = new();

    /// <summary>The budgets open on this run (a workflow's cost_budget while it runs): every model turn counts against each.</summary>
    public IReadOnlyList<Llm.IUsageMeter> Budgets => Volatile.Read(ref _budgets);

    /// <summary>Opens <paramref name="budget"/> on the run until the returned scope is disposed.</summary>
    public IDisposable OpenBudget(Llm.IUsageMeter budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        System.Collections.Immutable.ImmutableInterlocked.Update(ref _budgets, list => list.Add(budget));
        return new BudgetScope(this, budget);
    }

    private sealed class BudgetScope(SpellContext context, Llm.IUsageMeter budget) : IDisposable
    {
        public void Dispose() => System.Collections.Immutable.ImmutableInterlocked.Update(ref context._budgets, list => list.Remove(budget));
    }

    /// <summary>Fires at the run's deadline or when the caller cancels.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Created on, and owned by, the sandbox thread.</summary>
    public SpellDispatcher Dispatcher { get; }

    /// <summary>The limit that ended the run, once one has. Engines stop the script when this is set.</summary>
    public SpellError? TrippedLimit => Volatile.Read(ref _trippedLimit);

    /// <summary>Records that a limit was hit; the first one wins. Limits are final: the script cannot catch them.</summary>
    public SpellException Trip(SpellError limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        Interlocked.CompareExchange(ref _trippedLimit, limit, null);
        return new SpellException(TrippedLimit!);
    }

    /// <summary>
    /// Ends the run now with <paramref name="result"/> as its result: the script is stopped like a
    /// limit stops it (it cannot catch this), and the runner reports the result, not an error.
    /// </summary>
    public SpellException Finish(SpellValue result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (TrippedLimit is null)
        {
            FinishedWith = result;
        }
        return Trip(new SpellError(SpellErrorCode.Finished, "the host ended the run with a result"));
    }

    /// <summary>
    /// Ends the run now with <paramref name="error"/>: like <see cref="Finish"/>, the script cannot
    /// catch this or carry on, which matters where errors are values (Tengo) or caught (pcall).
    /// </summary>
    public SpellException Fail(SpellError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (TrippedLimit is null)
        {
            FailedWith = error;
        }
        return Trip(new SpellError(SpellErrorCode.Finished, "the host ended the run with an error"));
    }

    /// <summary>The error for a run stopped by <see cref="CancellationToken"/>: a timeout, or the caller's cancellation.</summary>
    public SpellException Stopped(SpellLocation? location = null)
    {
        var error = _externalToken.IsCancellationRequested
            ? new SpellError(SpellErrorCode.Cancelled, "the run was cancelled", location)
            : new SpellError(SpellErrorCode.Timeout, $"the spell ran longer than its {Limits.Timeout.TotalSeconds:0.###} s time limit", location);
        return Trip(error);
    }

    /// <summary>
    /// On the sandbox thread: the result of a host call, waiting for it if it has not finished and
    /// running work posted to the sandbox (callbacks) meanwhile. The run's deadline ends the wait.
    /// </summary>
    public SpellValue Await(ValueTask<SpellValue> pending)
    {
        if (pending.IsCompleted)
        {
            return pending.GetAwaiter().GetResult();
        }

        var task = pending.AsTask();
        try
        {
            Dispatcher.RunUntilComplete(task, CancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw Stopped();
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>Maps any failure of a host call to the error the script sees.</summary>
    public SpellException ToSpellException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case SpellException spell:
                return spell.Error.IsLimit ? Trip(spell.Error) : spell;
            case OperationCanceledException when CancellationToken.IsCancellationRequested:
                return Stopped();
            case OperationCanceledException when SpellBranch.CancelledCall() is { } cancelled:
                return cancelled;
            default:
                Logger.LogError(exception, "host failure in {Spell}", Script.Name);
                return new SpellException(SpellErrorCode.HostError, $"internal error in the host ({exception.GetType().Name}); see the host log", exception);
        }
    }
}
