using System.Collections.Immutable;
using System.Text.Json;
using LlmSpell.Errors;
using LlmSpell.Llm;
using LlmSpell.Values;
using LlmSpell.Workflows;

namespace LlmSpell.Orchestrations.Workflows;

/// <summary>
/// Runs the workflow interpreter inside an orchestrator: each step is the step activity (a fresh
/// sandbox of the pinned spell), retries are durable, event steps wait for raised events, and loops
/// are sub-orchestrations that continue as new once per iteration. Budgets are counted here from
/// what each step reports, so parallel branches share one account. Stays on the orchestrator's
/// thread: no ConfigureAwait(false) here.
/// </summary>
internal sealed class DurableWorkflowRuntime : IWorkflowRuntime
{
    private readonly OrchestrationContext _context;
    private readonly SpellReference _spell;
    private readonly string _workflow;
    private readonly JsonElement _runInput;
    private readonly string? _traceParent;

    // The budgets open where the interpreter is now; async-local because parallel branches nest
    // their own budgets without seeing each other's.
    private readonly AsyncLocal<ImmutableList<OpenBudget>> _open = new();
    private int _completed;

    public DurableWorkflowRuntime(OrchestrationContext context, SpellReference spell, string workflow, JsonElement runInput, string? traceParent, IReadOnlyList<BudgetState>? budgets = null)
    {
        (_context, _spell, _workflow, _runInput, _traceParent) = (context, spell, workflow, runInput, traceParent);
        _open.Value = budgets is null ? [] : [.. budgets.Select(OpenBudget.Resume)];
    }

    /// <summary>What everything this runtime ran has spent (for a loop generation to hand on).</summary>
    public BudgetSpend Spent { get; private set; } = new();

    private ImmutableList<OpenBudget> Open => _open.Value ?? [];

    /// <summary>The open budgets as they travel to a step or a loop; null when there are none, which keeps plain outputs.</summary>
    public IReadOnlyList<BudgetState>? BudgetStates => Open.IsEmpty ? null : [.. Open.Select(b => b.State)];

    public async Task<SpellValue> RunStepAsync(StepNode stepNode, string path, SpellValue input)
    {
        _context.SetCustomStatus(new WorkflowProgress(_workflow, path, _completed));
        SpellValue result;
        if (stepNode.Target == StepTarget.Event)
        {
            result = await WaitForEventAsync(stepNode, path);
        }
        else
        {
            CheckBudgets();
            var request = new StepRequest(SpellOf(stepNode, path), _workflow, path, SpellJson.ToElement(input), _runInput)
            {
                TraceParent = _traceParent,
                Budgets = BudgetStates,
                WholeSpell = stepNode.Target == StepTarget.Spell,
            };
            var options = stepNode.Retry is { } retry
                ? new TaskOptions(new RetryPolicy(retry.Attempts, retry.Delay, retry.Backoff, retry.MaxDelay))
                : null;
            JsonElement output;
            try
            {
                output = await _context.CallActivityAsync<JsonElement>(WorkflowOrchestrations.StepActivity, request, options);
            }
            catch (TaskFailedException failed)
            {
                throw WorkflowErrors.StepFailed($"workflow step '{path}' failed: {failed.FailureDetails.Message}", SpellError.Parse(failed.FailureDetails.Message));
            }
            result = SpellValues.FromJson(request.Budgets is null ? output : Charge(output));
        }
        _completed++;
        _context.SetCustomStatus(new WorkflowProgress(_workflow, path, _completed));
        return result;
    }

    /// <summary>The spell a step runs in: the workflow's own, or for a spell step the one the run was pinned to.</summary>
    private SpellReference SpellOf(StepNode step, string path)
    {
        if (step.Target != StepTarget.Spell)
        {
            return _spell;
        }

        var pinned = step.Pinned ?? throw WorkflowErrors.Failed(path, $"spell '{step.TargetName}' was not pinned when the run started; start the run again");
        return new SpellReference(pinned.Hash, pinned.File) { Id = pinned.Id };
    }

    public async Task<SpellValue> ReadStateAsync(string key) =>
        SpellValues.FromJson(await _context.CallActivityAsync<JsonElement>(WorkflowOrchestrations.StateActivity, new StateRequest(_spell, key)));

    public async Task<SpellValue> RunLoopAsync(LoopNode loopNode, string path, SpellValue input)
    {
        var request = new LoopRequest(_spell, _workflow, path, SpellJson.ToElement(WorkflowSpec.ToValue(loopNode)), SpellJson.ToElement(input), 1, _runInput)
        {
            TraceParent = _traceParent,
            Budgets = BudgetStates,
        };
        JsonElement output;
        try
        {
            output = await _context.CallSubOrchestratorAsync<JsonElement>(WorkflowOrchestrations.LoopOrchestrator, request);
        }
        catch (TaskFailedException failed)
        {
            throw new SpellException(SpellErrorCode.WorkflowError, failed.FailureDetails.Message);
        }
        return SpellValues.FromJson(request.Budgets is null ? output : Charge(output));
    }

    public async Task<SpellValue> RunWithinBudgetAsync(WorkflowBudget budget, string path, Func<Task<SpellValue>> run)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(run);
        var outer = Open;
        _open.Value = outer.Add(new OpenBudget(path, budget, budget.Open(path)));
        try
        {
            return await run();
        }
        finally
        {
            _open.Value = outer;
        }
    }

    private void CheckBudgets()
    {
        foreach (var budget in Open)
        {
            budget.Account.Check();
        }
    }

    /// <summary>Counts a budgeted answer against every open budget (the first one over its limit stops the workflow) and gives its output.</summary>
    private JsonElement Charge(JsonElement answer)
    {
        var budgeted = answer.Deserialize<BudgetedOutput>(DataConverter.Options)
            ?? throw new SpellException(SpellErrorCode.WorkflowError, "a budgeted step answered without its spend");
        Spent = Spent.Plus(budgeted.Spent);
        foreach (var budget in Open)
        {
            budget.Account.Add(budgeted.Spent.AsTurn());
        }
        return budgeted.Output;
    }

    private async Task<SpellValue> WaitForEventAsync(StepNode stepNode, string path)
    {
        try
        {
            var data = stepNode.Timeout is { } timeout
                ? await _context.WaitForExternalEvent<JsonElement>(stepNode.TargetName!, timeout)
                : await _context.WaitForExternalEvent<JsonElement>(stepNode.TargetName!);
            return SpellValues.FromJson(data);
        }
        catch (TimeoutException)
        {
            throw WorkflowErrors.Failed(path, $"event '{stepNode.TargetName}' did not arrive within {stepNode.Timeout!.Value.TotalMilliseconds:0} ms");
        }
    }

    /// <summary>A budget open in this orchestration: its limits and its account, counted from step answers.</summary>
    private sealed record OpenBudget(string Path, WorkflowBudget Limits, UsageBudget Account)
    {
        public BudgetState State => new(Path, Limits.Tokens, Limits.CostUsd, BudgetSpend.Of(Account.Usage));

        public static OpenBudget Resume(BudgetState state)
        {
            var limits = new WorkflowBudget(state.Tokens, state.CostUsd);
            return new OpenBudget(state.Path, limits, limits.Open(state.Path, state.Spent.AsTurn()));
        }
    }
}
