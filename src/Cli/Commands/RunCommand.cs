using System.CommandLine;
using System.Globalization;
using LlmSpell.Errors;
using LlmSpell.Hosting.Application;
using LlmSpell.Hosting.Spells;
using LlmSpell.Running;
using LlmSpell.Values;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmSpell.Cli.Commands;

/// <summary><c>llmspell run FILE</c>: runs one spell with the embedded defaults.</summary>
public static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The spell to run (.lua, .js, .tengo, or a '#!llmspell <engine>' first line), or a folder holding one spell and its manifest." };
        var input = new Option<string[]>("--input", "-i") { Description = "An input value: key=text (a string) or key:=json (any JSON value). Repeatable.", AllowMultipleArgumentsPerToken = false };
        var inputJson = new Option<string?>("--input-json") { Description = "A file holding the input as a JSON object ('-' reads stdin). --input values override its keys." };
        var engine = new Option<string?>("--engine", "-e") { Description = "The engine to use (lua, js, tengo), overriding the file extension." };
        var timeout = new Option<double?>("--timeout", "-t") { Description = "Wall-clock limit in seconds (default 60).", CustomParser = StrictNumbers.Seconds };
        var maxInstructions = new Option<long?>("--max-instructions") { Description = "Work limit: Lua or Tengo VM instructions, JavaScript statements (default 100,000,000).", CustomParser = StrictNumbers.WholeNumber(SandboxLimits.MinInstructionsSetting, long.MaxValue, "instructions") };
        var memory = new Option<long?>("--memory") { Description = "Memory limit in MiB (default 64).", CustomParser = StrictNumbers.WholeNumber(1, SandboxLimits.MaxMemoryMiBSetting, "MiB") };
        var maxDepth = new Option<long?>("--max-depth") { Description = "How deep script function calls may nest (default 1,000).", CustomParser = StrictNumbers.WholeNumber(1, SandboxLimits.MaxRecursionDepthSetting, "levels") };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with the result, the error and the output, for programs." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Show debug-level spell logs." };
        var record = new Option<string?>("--record") { Description = "Save every exchange with LLM providers to this file (JSON lines; keys are never saved)." };
        var replay = new Option<string?>("--replay") { Description = "Answer every LLM request from a recording made with --record; nothing goes to the network." };
        var trace = new Option<bool>("--trace") { Description = "After the run, show its spans as a timeline on stderr: LLM calls, tools, agents, steps, with tokens and cost." };
        var command = new Command("run", "Run a spell.") { file, input, inputJson, engine, timeout, maxInstructions, memory, maxDepth, json, verbose, record, replay, trace };
        command.Validators.Add(result =>
        {
            if (result.GetValue(record) is not null && result.GetValue(replay) is not null)
            {
                result.AddError("--record and --replay cannot be used together");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(console, new RunRequest(
            parse.GetValue(file)!,
            parse.GetValue(input) ?? [],
            parse.GetValue(inputJson),
            parse.GetValue(engine),
            parse.GetValue(timeout),
            parse.GetValue(maxInstructions),
            parse.GetValue(memory),
            parse.GetValue(maxDepth),
            parse.GetValue(json),
            parse.GetValue(verbose),
            parse.GetValue(record),
            parse.GetValue(replay),
            parse.GetValue(trace)), cancellationToken));
        return command;
    }

    private sealed record RunRequest(string File, string[] Inputs, string? InputJson, string? Engine, double? TimeoutSeconds, long? MaxInstructions, long? MemoryMiB, long? MaxDepth, bool Json, bool Verbose, string? RecordTo, string? ReplayFrom, bool Trace);

    private static async Task<int> RunAsync(CliConsole console, RunRequest request, CancellationToken cancellationToken)
    {
        // A folder (or a manifest) is a deployable spell: its manifest's limits and input schema apply.
        var deployed = Directory.Exists(request.File) || request.File.EndsWith(SpellManifest.FileSuffix, StringComparison.Ordinal);
        SpellScript? script = null;
        SpellRunOptions options;
        try
        {
            var limits = deployed ? SandboxLimits.Default : WithFlags(SandboxLimits.Default, request);
            if (!deployed)
            {
                script = await SpellScript.LoadAsync(request.File, limits, Environment.CurrentDirectory, cancellationToken).ConfigureAwait(false);
            }

            var inputMap = await SpellInputParser.ParseAsync(request.Inputs, request.InputJson, console.In, cancellationToken).ConfigureAwait(false);
            // --json keeps the output for the report; otherwise it streams to stdout as it is printed.
            options = new SpellRunOptions { Input = inputMap, Engine = request.Engine, Limits = limits, Output = request.Json ? null : console.Out };
        }
        catch (SpellException ex)
        {
            await console.Error.WriteLineAsync($"llmspell: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // Listening before the host starts: the spans of a durable run's on-demand worker count too.
        using var spans = request.Trace ? new Tracing.SpanRecorder() : null;
        var hostOptions = new CliHostOptions(request.Verbose ? LogLevel.Debug : LogLevel.Information, request.RecordTo, request.ReplayFrom, ConnectMcp: true, OnDemandWorker: true);
        if (await CliHost.StartAsync(console, hostOptions, cancellationToken).ConfigureAwait(false) is not { } services)
        {
            return ExitCodes.Usage;
        }

        if (deployed)
        {
            try
            {
                // Which files are scripts is up to the host's engines, so the manifest is read once they exist.
                var spell = await SpellFolderScan.LoadOneAsync(request.File, services.GetRequiredService<SpellRunner>(), Environment.CurrentDirectory, cancellationToken).ConfigureAwait(false);
                spell.Manifest.Input?.Check(spell.Name, options.Input);
                script = spell.Script;
                options = spell.RunOptions(options.Input, workflows: null) with { Engine = request.Engine, Limits = WithFlags(spell.Manifest.Limits, request), Output = options.Output };
            }
            catch (SpellException ex)
            {
                await services.DisposeAsync().ConfigureAwait(false);
                await console.Error.WriteLineAsync($"llmspell: {(ex.Error.Location is { } at ? at + ": " : "")}{ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
        }

        SpellRunReport report;
        await using (services.ConfigureAwait(false))
        {
            try
            {
                report = await services.GetRequiredService<SpellRunService>().RunAsync(script!, options, cancellationToken).ConfigureAwait(false);
            }
            catch (SpellException ex)
            {
                await console.Error.WriteLineAsync($"llmspell: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
        }

        // After the host stopped: the on-demand worker has handed back what it held.
        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (spans is not null)
        {
            await console.Error.WriteAsync(Tracing.TraceTimeline.Render(spans.Spans)).ConfigureAwait(false);
        }
        var result = report.Result;
        if (request.Json)
        {
            await console.Out.WriteLineAsync(report.ToJson()).ConfigureAwait(false);
        }
        else if (result.Error is { } error)
        {
            await console.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
            if (request.Verbose && !string.IsNullOrWhiteSpace(error.ScriptStack))
            {
                // The engine's own trace: which calls led to the line named above.
                await console.Error.WriteLineAsync(error.ScriptStack).ConfigureAwait(false);
            }
        }
        else if (!result.Value.IsNull)
        {
            await console.Out.WriteLineAsync(result.Value is SpellString text ? text.Value : SpellJson.Serialize(result.Value, indented: true)).ConfigureAwait(false);
        }

        return result.Error is null ? ExitCodes.Success : ExitCodes.For(result.Error);
    }

    /// <summary>The command line's limits over <paramref name="limits"/> (the defaults, or a manifest's).</summary>
    private static SandboxLimits WithFlags(SandboxLimits limits, RunRequest request)
    {
        if (request.TimeoutSeconds is { } seconds)
        {
            if (!(seconds > 0 && seconds <= 24 * 3600))
            {
                throw new SpellException(SpellErrorCode.BadArgument, $"--timeout must be between 0 and 86400 seconds, got {seconds.ToString(CultureInfo.InvariantCulture)}");
            }

            limits = limits with { Timeout = TimeSpan.FromSeconds(seconds) };
        }

        return limits with
        {
            MaxInstructions = request.MaxInstructions ?? limits.MaxInstructions,
            MaxMemoryBytes = request.MemoryMiB is { } mib ? mib * 1024 * 1024 : limits.MaxMemoryBytes,
            MaxRecursionDepth = request.MaxDepth is { } depth ? (int)depth : limits.MaxRecursionDepth,
        };
    }
}
