using System.CommandLine;
using System.Globalization;
using LlmSpell.Errors;
using LlmSpell.Hosting;
using LlmSpell.Hosting.Application;
using LlmSpell.Orchestrations;
using LlmSpell.Orchestrations.Client;
using LlmSpell.Orchestrations.History;
using LlmSpell.Orchestrations.Storage;
using LlmSpell.Orchestrations.Workflows;
using LlmSpell.Running;
using LlmSpell.Values;
using LlmSpell.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace LlmSpell.Cli.Commands;

/// <summary><c>llmspell workflow ...</c>: start durable workflow runs and follow or control them.</summary>
public static class WorkflowCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("workflow", "Start, inspect and control durable workflow runs (a worker runs them: 'llmspell worker').")
        {
            Start(console),
            Status(console),
            List(console),
            Raise(console),
            Control(console, "terminate", "End a run now; its running steps finish but their results are dropped.", (c, id, reason, ct) => c.TerminateInstanceAsync(id, reason, ct)),
            Control(console, "suspend", "Hold a run: events still arrive but nothing proceeds until it is resumed.", (c, id, reason, ct) => c.SuspendInstanceAsync(id, reason, ct)),
            Control(console, "resume", "Let a suspended run go on.", (c, id, reason, ct) => c.ResumeInstanceAsync(id, reason, ct)),
            Purge(console),
            History(console),
        };
        return command;
    }

    private static Command Start(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The workflow spell: it declares a workflow and calls its run (or workflow.start)." };
        var input = new Option<string[]>("--input", "-i") { Description = "An input value: key=text or key:=json. Repeatable." };
        var inputJson = new Option<string?>("--input-json") { Description = "A file holding the input as a JSON object ('-' reads stdin)." };
        var engine = new Option<string?>("--engine", "-e") { Description = "The engine to use, overriding the file extension." };
        var id = new Option<string?>("--id") { Description = "The run id (default: a new GUID). Reusing the id of a finished run replaces it." };
        var watch = new Option<bool>("--watch", "-w") { Description = "Show the run's progress until it finishes (a worker must be running)." };
        var command = new Command("start", "Start a durable run of a spell's workflow and print its id.") { file, input, inputJson, engine, id, watch };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await CliHost.StartAsync(console, new CliHostOptions(), cancellationToken).ConfigureAwait(false) is not { } services)
            {
                return ExitCodes.Usage;
            }
            await using (services.ConfigureAwait(false))
            {
                SpellScript script;
                SpellMap inputs;
                try
                {
                    script = await SpellScript.LoadAsync(parse.GetValue(file)!, SandboxLimits.Default, Environment.CurrentDirectory, cancellationToken).ConfigureAwait(false);
                    inputs = await SpellInputParser.ParseAsync(parse.GetValue(input) ?? [], parse.GetValue(inputJson), console.In, cancellationToken).ConfigureAwait(false);
                }
                catch (SpellException e)
                {
                    await console.Error.WriteLineAsync($"llmspell: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                var started = await services.GetRequiredService<SpellRunService>().StartWorkflowAsync(script, inputs, parse.GetValue(engine), parse.GetValue(id), console.Error, cancellationToken).ConfigureAwait(false);
                if (started.Error is { } error)
                {
                    await console.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
                    return ExitCodes.For(error);
                }
                var runId = started.RunId!;
                var workflows = services.GetRequiredService<DurableWorkflowService>();
                await console.Out.WriteLineAsync(runId).ConfigureAwait(false);
                return parse.GetValue(watch) ? await WorkflowWatch.RunAsync(console, workflows.Client, runId, cancellationToken).ConfigureAwait(false) : ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command Status(CliConsole console)
    {
        var id = RunId();
        var json = new Option<bool>("--json") { Description = "Print the status as JSON." };
        var watch = new Option<bool>("--watch", "-w") { Description = "Keep showing progress until the run finishes." };
        var command = new Command("status", "Show a run's status, progress, output or error.") { id, json, watch };
        command.SetAction((parse, cancellationToken) => WithClientAsync(console, async client =>
        {
            var runId = parse.GetValue(id)!;
            if (parse.GetValue(watch))
            {
                return await WorkflowWatch.RunAsync(console, client, runId, cancellationToken).ConfigureAwait(false);
            }
            var instance = await client.GetInstanceAsync(runId, true, cancellationToken).ConfigureAwait(false);
            if (instance is null)
            {
                return await NoSuchRunAsync(console, runId).ConfigureAwait(false);
            }
            var status = WorkflowRunStatus.From(instance);
            await console.Out.WriteLineAsync(parse.GetValue(json) ? SpellJson.Serialize(status.ToValue(), indented: true) : Describe(status)).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var status = new Option<string[]>("--status", "-s") { Description = "Only runs with this status (pending, running, suspended, completed, failed, terminated). Repeatable." };
        var prefix = new Option<string?>("--prefix") { Description = "Only runs whose id starts with this." };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many runs (default 50).", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List runs, oldest first.") { status, prefix, limit };
        command.SetAction((parse, cancellationToken) => WithClientAsync(console, async client =>
        {
            var statuses = new List<OrchestrationStatus>();
            foreach (var name in parse.GetValue(status) ?? [])
            {
                if (!Enum.TryParse<OrchestrationStatus>(name, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                {
                    await console.Error.WriteLineAsync($"llmspell: unknown status '{name}' (known: {string.Join(", ", Enum.GetNames<OrchestrationStatus>().Select(n => n.ToLowerInvariant()))})").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }
                statuses.Add(parsed);
            }
            var query = new InstanceQuery { Statuses = statuses, InstanceIdPrefix = parse.GetValue(prefix), PageSize = Math.Clamp(parse.GetValue(limit), 1, 1000) };
            var page = await client.QueryInstancesAsync(query, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"{"ID",-34} {"STATUS",-10} {"CREATED (UTC)",-19} WORKFLOW").ConfigureAwait(false);
            foreach (var instance in page.Instances)
            {
                var run = WorkflowRunStatus.From(instance);
                await console.Out.WriteLineAsync($"{run.Id,-34} {run.StatusName,-10} {run.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),-19} {run.Name}").ConfigureAwait(false);
            }
            if (page.ContinuationToken is not null)
            {
                await console.Out.WriteLineAsync($"(more runs; use --limit or --status to see them)").ConfigureAwait(false);
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Raise(CliConsole console)
    {
        var id = RunId();
        var name = new Argument<string>("event") { Description = "The event name (case-insensitive)." };
        var data = new Argument<string?>("data") { Description = "The event's data as JSON; text that is not JSON is sent as a string.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("raise", "Raise an event to a run; its event steps wait for one.") { id, name, data };
        command.SetAction((parse, cancellationToken) => WithServicesAsync(console, async services =>
        {
            var client = services.GetRequiredService<IDurableClient>();
            var text = parse.GetValue(data);
            SpellValue value;
            try
            {
                value = text is null ? SpellValue.Null : SpellJson.Parse(text);
            }
            catch (SpellException)
            {
                value = SpellValue.From(text);
            }
            var runId = parse.GetValue(id)!;
            if (await client.GetInstanceAsync(runId, false, cancellationToken).ConfigureAwait(false) is null)
            {
                return await NoSuchRunAsync(console, runId).ConfigureAwait(false);
            }
            await services.GetRequiredService<DurableWorkflowService>().RaiseAsync(runId, parse.GetValue(name)!, value, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"raised '{parse.GetValue(name)}' to {runId}").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Control(CliConsole console, string verb, string description, Func<IDurableClient, string, string?, CancellationToken, Task> act)
    {
        var id = RunId();
        var reason = new Option<string?>("--reason") { Description = "Why; kept in the run's history." };
        var command = new Command(verb, description) { id, reason };
        command.SetAction((parse, cancellationToken) => WithClientAsync(console, async client =>
        {
            var runId = parse.GetValue(id)!;
            var instance = await client.GetInstanceAsync(runId, false, cancellationToken).ConfigureAwait(false);
            if (instance is null)
            {
                return await NoSuchRunAsync(console, runId).ConfigureAwait(false);
            }
            if (instance.Status.IsTerminal())
            {
                await console.Error.WriteLineAsync($"llmspell: run {runId} has already finished ({instance.Status.ToString().ToLowerInvariant()}); nothing to {verb}").ConfigureAwait(false);
                return ExitCodes.ScriptError;
            }
            await act(client, runId, parse.GetValue(reason), cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"asked run {runId} to {verb}; a worker applies it").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Purge(CliConsole console)
    {
        var id = RunId();
        var command = new Command("purge", "Delete a finished run and its history.") { id };
        command.SetAction((parse, cancellationToken) => WithClientAsync(console, async client =>
        {
            var runId = parse.GetValue(id)!;
            try
            {
                if (!await client.PurgeInstanceAsync(runId, cancellationToken).ConfigureAwait(false))
                {
                    return await NoSuchRunAsync(console, runId).ConfigureAwait(false);
                }
            }
            catch (InvalidOperationException e)
            {
                await console.Error.WriteLineAsync($"llmspell: {e.Message}").ConfigureAwait(false);
                return ExitCodes.ScriptError;
            }
            await console.Out.WriteLineAsync($"purged {runId}").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command History(CliConsole console)
    {
        var id = RunId();
        var json = new Option<bool>("--json") { Description = "Print the events as JSON lines." };
        var command = new Command("history", "Show the events of a run's current generation, oldest first.") { id, json };
        command.SetAction((parse, cancellationToken) => WithClientAsync(console, async client =>
        {
            var runId = parse.GetValue(id)!;
            var history = await client.GetHistoryAsync(runId, cancellationToken).ConfigureAwait(false);
            if (history.Count == 0 && await client.GetInstanceAsync(runId, false, cancellationToken).ConfigureAwait(false) is null)
            {
                return await NoSuchRunAsync(console, runId).ConfigureAwait(false);
            }
            for (var i = 0; i < history.Count; i++)
            {
                await console.Out.WriteLineAsync(parse.GetValue(json)
                    ? HistorySerializer.Serialize(history[i])
                    : $"{i,4}  {history[i].Timestamp.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)}  {HistoryLine.Describe(history[i])}").ConfigureAwait(false);
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Argument<string> RunId() => new("id") { Description = "The run id printed by 'llmspell workflow start'." };

    private static Task<int> WithClientAsync(CliConsole console, Func<IDurableClient, Task<int>> act) =>
        WithServicesAsync(console, services => act(services.GetRequiredService<IDurableClient>()));

    private static async Task<int> WithServicesAsync(CliConsole console, Func<IServiceProvider, Task<int>> act)
    {
        if (await CliHost.StartAsync(console, new CliHostOptions(), CancellationToken.None).ConfigureAwait(false) is not { } services)
        {
            return ExitCodes.Usage;
        }
        await using (services.ConfigureAwait(false))
        {
            await services.GetRequiredService<IDurableClient>().EnsureCreatedAsync().ConfigureAwait(false);
            return await act(services).ConfigureAwait(false);
        }
    }

    private static async Task<int> NoSuchRunAsync(CliConsole console, string runId)
    {
        await console.Error.WriteLineAsync($"llmspell: there is no run '{runId}' here (runs live in {LlmSpellOptions.DataFolderName}/llmspell.db or the task hub configured in llmspell.json)").ConfigureAwait(false);
        return ExitCodes.ScriptError;
    }

    internal static string Describe(WorkflowRunStatus status)
    {
        var lines = new List<string>
        {
            $"id:        {status.Id}",
            $"workflow:  {status.Name}{(status.Spell is { Length: > 0 } spell ? $" (spell {spell})" : "")}",
            $"status:    {status.StatusName}",
        };
        if (status.Progress is { } progress)
        {
            lines.Add($"progress:  {progress.Completed} steps done; last {progress.Step}");
        }
        lines.Add($"created:   {status.CreatedAt.ToString("O", CultureInfo.InvariantCulture)}");
        if (status.CompletedAt is { } completed)
        {
            lines.Add($"completed: {completed.ToString("O", CultureInfo.InvariantCulture)}");
        }
        if (!status.Output.IsNull)
        {
            lines.Add($"output:    {SpellJson.Serialize(status.Output)}");
        }
        if (status.Error is { Length: > 0 } error)
        {
            lines.Add($"error:     {error}");
        }
        return string.Join(Environment.NewLine, lines);
    }
}
