using System.Diagnostics;
using LlmSpell.Errors;
using LlmSpell.Values;

namespace LlmSpell.Running;

/// <summary>
/// Runs spells: picks the engine, gives the run its own thread and context, and enforces the wall
/// clock from outside the engine, so even a sandbox stuck in native code cannot hold its caller.
/// </summary>
public sealed class SpellRunner
{
    // Engines recurse on the machine stack (Jint's interpreter, value conversion); a roomy dedicated
    // stack turns deep scripts into recursion_limit errors instead of a process-killing overflow.
    private const int SandboxStackBytes = 64 * 1024 * 1024;

    private readonly SpellHost _host;

    public SpellRunner(IEnumerable<ISpellEngine> engines, SpellHost host)
    {
        ArgumentNullException.ThrowIfNull(engines);
        _host = host ?? throw new ArgumentNullException(nameof(host));
        Engines = [.. engines];
        if (Engines.Count == 0)
        {
            throw new ArgumentException("at least one engine is needed", nameof(engines));
        }
    }

    public IReadOnlyList<ISpellEngine> Engines { get; }

    /// <summary>
    /// The script's syntax error, or null when it parses (or its engine cannot check without
    /// running). Parsers recurse, so the check runs on a thread with a sandbox's stack.
    /// </summary>
    public async Task<SpellError?> CheckSyntaxAsync(SpellScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (ResolveEngine(script) is not ISyntaxCheck check)
        {
            return null;
        }
        var completion = new TaskCompletionSource<SpellError?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(
            () =>
            {
                try
                {
                    check.CheckSyntax(script, _host.Api);
                    completion.TrySetResult(null);
                }
                catch (SpellException ex)
                {
                    completion.TrySetResult(ex.Error);
                }
#pragma warning disable CA1031 // As for a run: nothing may escape this thread and end the process.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    completion.TrySetResult(new SpellError(SpellErrorCode.HostError, $"checking {script.Name} failed: {ex.Message}"));
                }
            },
            SandboxStackBytes)
        {
            IsBackground = true,
            Name = $"check {script.Name}",
        };
        thread.Start();
        return await completion.Task.ConfigureAwait(false);
    }

    /// <summary>The engine for a script: <paramref name="engineName"/> if given, else the shebang, else the file extension.</summary>
    /// <exception cref="SpellException">With code <c>bad_argument</c> when no engine matches.</exception>
    public ISpellEngine ResolveEngine(SpellScript script, string? engineName = null)
    {
        ArgumentNullException.ThrowIfNull(script);
        var name = engineName ?? script.ShebangLanguage;
        if (name is not null)
        {
            return Engines.FirstOrDefault(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || e.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase))
                ?? throw new SpellException(SpellErrorCode.BadArgument, $"unknown engine '{name}' (known: {string.Join(", ", Engines.Select(e => e.Name))})");
        }

        var extension = Path.GetExtension(script.Name);
        return Engines.FirstOrDefault(e => e.FileExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            ?? throw new SpellException(SpellErrorCode.BadArgument, $"{script.Name}: no engine runs '{extension}' files (known: {string.Join(", ", Engines.SelectMany(e => e.FileExtensions))}); name one with --engine or a '#!llmspell <engine>' first line");
    }

    /// <summary>
    /// The result and the error as the caller may receive them: a result too big is an output_limit
    /// (hosts would otherwise serialize and send all of it), and an error message is cut to its limit.
    /// </summary>
    private static (SpellValue Value, SpellError? Error) Bounded(SpellValue value, SpellError? error, SandboxLimits limits)
    {
        if (error is null && SpellValueSize.Exceeds(value, limits.MaxResultBytes))
        {
            return (SpellValue.Null, new SpellError(SpellErrorCode.OutputLimit, $"the spell's result is more than {limits.MaxResultBytes} bytes as JSON"));
        }
        if (error is not null && error.Message.Length > limits.MaxErrorMessageChars)
        {
            var cut = error.Message[..limits.MaxErrorMessageChars];
            error = error with { Message = $"{cut}… (the message is {error.Message.Length} characters; cut at {limits.MaxErrorMessageChars})" };
        }
        return (value, error);
    }

    public async Task<SpellRunResult> RunAsync(SpellScript script, SpellRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        options ??= new SpellRunOptions();
        options.Limits.Validate();
        var engine = ResolveEngine(script, options.Engine);
        var limits = options.Limits;
        if (script.Source.Length > limits.MaxSourceBytes)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"{script.Name}: the spell is {script.Source.Length} characters; the limit is {limits.MaxSourceBytes} bytes");
        }

        var stopwatch = Stopwatch.StartNew();
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limits.Timeout);
        var completion = new TaskCompletionSource<SpellRunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new SpellOutput(options.Output ?? TextWriter.Null, limits.MaxOutputBytes);
        var scope = options.StateScope ?? script.Id;

        var thread = new Thread(
            () =>
            {
                SpellValue value = SpellValue.Null;
                SpellError? error = null;
                SpellContext? context = null;
                // The thread inherits the caller's execution context, so the run is a child of the
                // caller's span (the HTTP request, the queue message, the workflow step).
                using var activity = RunTelemetry.Start(script, engine, options);
                try
                {
                    context = new SpellContext(_host, script, options.Input, limits, output, scope, deadline.Token, cancellationToken)
                    {
                        Runner = this,
                        WorkflowInvocation = options.Workflow,
                        WorkflowService = options.Workflows,
                        OnStreamChunk = options.OnStreamChunk,
                    };
                    foreach (var budget in options.Budgets)
                    {
                        context.OpenBudget(budget);
                    }
                    value = engine.Execute(script, context);
                    error = context.TrippedLimit;
                }
                catch (SpellException ex)
                {
                    error = ex.Error;
                }
#pragma warning disable CA1031 // The sandbox thread is the last line: nothing may escape it and kill the process.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    error = new SpellError(SpellErrorCode.HostError, $"the {engine.Name} engine failed: {ex.Message}");
                }
                finally
                {
                    // Tasks the spell spawned and never waited for must not go on after it.
                    context?.Tasks.EndRun();
                }

                var finishedByHost = error?.Code == SpellErrorCode.Finished && context?.FinishedWith is not null;
                if (finishedByHost)
                {
                    (value, error) = (context!.FinishedWith!, null);
                }
                else if (error?.Code == SpellErrorCode.Finished && context?.FailedWith is { } failure)
                {
                    error = failure;
                }

                (value, error) = Bounded(value, error, limits);
                var result = new SpellRunResult(error is null ? value : SpellValue.Null, error, engine.Name, stopwatch.Elapsed)
                {
                    Usage = context?.Usage ?? new(),
                    Events = context?.Events.Recorded ?? [],
                    EventsDropped = context?.Events.Dropped ?? 0,
                    FinishedByHost = finishedByHost,
                };
                RunTelemetry.Finish(activity, result);

                // The run's span ends before its result is handed over, so whoever awaits the run
                // (a request, a test's listener) finds the span complete.
                activity?.Dispose();
                completion.TrySetResult(result);
            },
            SandboxStackBytes)
        {
            IsBackground = true,
            Name = $"spell {script.Name}",
        };
        thread.Start();

        var watchdog = Task.Delay(limits.Timeout + limits.AbandonGrace, CancellationToken.None);
        var finished = await Task.WhenAny(completion.Task, watchdog).ConfigureAwait(false);
        if (finished == completion.Task)
        {
            deadline.Dispose();
            return await completion.Task.ConfigureAwait(false);
        }

        // The engine did not answer its cancellation: it is inside native or library code that does
        // not check. The thread is left to finish on its own (it cannot be killed safely); the caller
        // gets its answer now. The token source stays undisposed because that thread still reads it.
        var code = cancellationToken.IsCancellationRequested ? SpellErrorCode.Cancelled : SpellErrorCode.Timeout;
        return new SpellRunResult(SpellValue.Null, new SpellError(code, $"the spell did not stop within {limits.Timeout.TotalSeconds:0.###} s (+{limits.AbandonGrace.TotalSeconds:0.###} s grace) and was abandoned"), engine.Name, stopwatch.Elapsed);
    }
}
