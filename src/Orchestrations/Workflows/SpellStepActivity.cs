using System.Text.Json;
using LlmSpell.Errors;
using LlmSpell.Orchestrations.Runtime;
using LlmSpell.Running;
using LlmSpell.Values;
using LlmSpell.Workflows;

namespace LlmSpell.Orchestrations.Workflows;

/// <summary>
/// RunSpellStep: loads the pinned spell, runs it in a fresh sandbox up to its workflow, and lets
/// the host run the one requested step there. A failed step fails the activity with the spell's
/// own error (code, file:line, message), which retries and the orchestrator then see.
/// </summary>
public sealed class SpellStepActivity(SpellRunner runner, ISpellArchive archive, SandboxLimits limits)
{
    /// <summary>Durable steps share the state of the spell they come from, as a local run would.</summary>
    public static string StateScope(SpellReference spell) => spell.Id ?? Path.GetFileNameWithoutExtension(spell.Name);

    public async Task<JsonElement> RunAsync(StepRequest? request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = WorkflowTracing.StartStep(request);
        var script = await archive.LoadAsync(request.Spell, cancellationToken).ConfigureAwait(false);
        var runInput = SpellValues.FromJson(request.RunInput) as SpellMap ?? SpellMap.Empty;
        var stepInput = SpellValues.FromJson(request.Input);
        var input = runInput;
        if (request.WholeSpell)
        {
            try
            {
                input = Spells.SpellCalls.InputOf(script, stepInput, $"workflow step '{request.Path}'");
            }
            catch (SpellException e)
            {
                throw new SpellStepFailedException(e.Error);
            }
        }

        var result = await runner.RunAsync(script, new SpellRunOptions
        {
            // A spell step runs the called spell whole, its input the step's; any other step runs
            // the workflow's spell up to its workflow, where the host runs the one step.
            Input = input,
            Limits = limits,
            StateScope = StateScope(request.Spell),
            Workflow = request.WholeSpell ? null : new WorkflowInvocation.RunStep(request.Workflow, request.Path, stepInput),
            // The step stops as soon as it would take the workflow over budget, not only after it.
            Budgets = request.Budgets?.Select(b => new WorkflowBudget(b.Tokens, b.CostUsd).Open(b.Path, b.Spent.AsTurn())).ToList() ?? [],
        }, cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            Telemetry.SpellTelemetry.SetError(activity, error);
            throw new SpellStepFailedException(error);
        }
        if (!request.WholeSpell && !result.FinishedByHost)
        {
            throw new SpellStepFailedException(new SpellError(SpellErrorCode.WorkflowError,
                $"{script.Name} finished without reaching workflow '{request.Workflow}' (its run or workflow.start call), so step '{request.Path}' could not run; the spell's code before that call must run the same way every time"));
        }
        var output = SpellJson.ToElement(result.Value);
        return request.Budgets is null
            ? output
            : JsonSerializer.SerializeToElement(new BudgetedOutput(output, BudgetSpend.Of(result.Usage)), DataConverter.Options);
    }
}

/// <summary>A spell step failed; the message is the spell's error as the user would see it locally.</summary>
public sealed class SpellStepFailedException : Exception
{
    public SpellStepFailedException(SpellError error) : base(error?.ToString()) => Error = error;

    public SpellStepFailedException() { }

    public SpellStepFailedException(string message) : base(message) { }

    public SpellStepFailedException(string message, Exception innerException) : base(message, innerException) { }

    public SpellError? Error { get; }
}
