using LlmSpell.Orchestrations;
using LlmSpell.Orchestrations.Client;
using LlmSpell.Orchestrations.Workflows;
using LlmSpell.Values;

namespace LlmSpell.Cli.Commands;

/// <summary>
/// The live progress view: one line each time a run's status or step changes, then its output or
/// error. Lines, not a redrawn screen, so it reads the same in a terminal and in a CI log.
/// </summary>
internal static class WorkflowWatch
{
    public static async Task<int> RunAsync(CliConsole console, IDurableClient client, string runId, CancellationToken cancellationToken)
    {
        await client.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var last = "";
        var quietPolls = 0;
        try
        {
            while (true)
            {
                var instance = await client.GetInstanceAsync(runId, true, cancellationToken).ConfigureAwait(false);
                if (instance is null)
                {
                    await console.Error.WriteLineAsync($"llmspell: there is no run '{runId}'").ConfigureAwait(false);
                    return ExitCodes.ScriptError;
                }
                var status = WorkflowRunStatus.From(instance);
                var line = status.Progress is { } progress
                    ? $"{status.StatusName,-10} {progress.Completed} done, at {progress.Step}"
                    : status.StatusName;
                if (line != last)
                {
                    await console.Out.WriteLineAsync($"[{DateTime.Now:HH:mm:ss}] {line}").ConfigureAwait(false);
                    await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                    last = line;
                    quietPolls = 0;
                }
                if (instance.Status.IsTerminal())
                {
                    await console.Out.WriteLineAsync(WorkflowCommand.Describe(status)).ConfigureAwait(false);
                    return instance.Status == OrchestrationStatus.Completed ? ExitCodes.Success : ExitCodes.ScriptError;
                }
                if (instance.Status == OrchestrationStatus.Pending && ++quietPolls == 20)
                {
                    await console.Out.WriteLineAsync("(still pending: is a worker running? start one with 'llmspell worker')").ConfigureAwait(false);
                }
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            await console.Out.WriteLineAsync($"stopped watching; the run goes on ('llmspell workflow status {runId}')").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
    }
}
