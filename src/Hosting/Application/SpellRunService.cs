using System.Globalization;
using LlmSpell.Errors;
using LlmSpell.Running;
using LlmSpell.Values;
using LlmSpell.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace LlmSpell.Hosting.Application;

/// <summary>
/// What every host does with a spell: run it and report, or run it to capture its workflow and
/// start that as a durable run. Hosts only parse their requests and render these results.
/// </summary>
public sealed class SpellRunService(SpellRunner runner, IServiceProvider services)
{
    public SpellRunner Runner { get; } = runner;

    /// <summary>Runs <paramref name="script"/>; with no <see cref="SpellRunOptions.Output"/> the printed output is kept in the report.</summary>
    /// <exception cref="SpellException">With code <c>bad_argument</c> for an unknown engine, before anything runs.</exception>
    public async Task<SpellRunReport> RunAsync(SpellScript script, SpellRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(options);
        Runner.ResolveEngine(script, options.Engine);
        var captured = options.Output is null ? new StringWriter(CultureInfo.InvariantCulture) : null;
        var result = await Runner.RunAsync(script, captured is null ? options : options with { Output = captured }, cancellationToken).ConfigureAwait(false);
        return new SpellRunReport(result, captured?.ToString() ?? "");
    }

    /// <summary>
    /// Starts a durable run of the workflow a spell declares: the spell's own code runs until it calls
    /// the workflow's run (or <c>workflow.start</c>), where the host stops it and keeps the declaration.
    /// </summary>
    /// <param name="output">Where the spell's prints go while it declares its workflow.</param>
    /// <returns>The run's id, or the error that kept it from starting.</returns>
    public Task<WorkflowStart> StartWorkflowAsync(SpellScript script, SpellMap input, string? engine, string? runId, TextWriter? output, CancellationToken cancellationToken) =>
        StartWorkflowAsync(script, new SpellRunOptions { Input = input, Engine = engine, Output = output }, runId, cancellationToken);

    /// <summary>As the overload above, with the run's options (limits, state scope, and <see cref="SpellRunOptions.Workflows"/> for where the run starts).</summary>
    public async Task<WorkflowStart> StartWorkflowAsync(SpellScript script, SpellRunOptions options, string? runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(options);
        var workflows = options.Workflows ?? services.GetService<IWorkflowService>() ?? throw new InvalidOperationException("durable workflows are not part of this host (AddDurableWorkflows)");
        var captured = await Runner.RunAsync(script, options with { Output = options.Output ?? TextWriter.Null, Workflow = new WorkflowInvocation.Capture() }, cancellationToken).ConfigureAwait(false);
        if (captured.Error is { } error)
        {
            return new WorkflowStart(null, error);
        }

        if (!captured.FinishedByHost || captured.Value is not SpellMap declaration)
        {
            return new WorkflowStart(null, new SpellError(SpellErrorCode.WorkflowError,
                $"{script.Name} finished without starting a workflow; a workflow spell declares one (workflow.sequential{{...}} and friends) and calls its run(input)"));
        }

        try
        {
            return new WorkflowStart(await workflows.StartAsync(script, declaration.Get("workflow"), declaration.Get("input"), options.Input, runId, cancellationToken).ConfigureAwait(false), null);
        }
        catch (SpellException e)
        {
            return new WorkflowStart(null, e.Error) { RunIdInUse = e.InnerException is Orchestrations.OrchestrationInstanceExistsException };
        }
    }
}

/// <summary>The outcome of <see cref="SpellRunService.StartWorkflowAsync"/>: a run id or an error.</summary>
public sealed record WorkflowStart(string? RunId, SpellError? Error)
{
    /// <summary>The run id asked for belongs to a run that has not ended.</summary>
    public bool RunIdInUse { get; init; }
}
