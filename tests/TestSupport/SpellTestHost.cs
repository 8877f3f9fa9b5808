using LlmSpell.Api;
using LlmSpell.Errors;
using LlmSpell.Llm;
using LlmSpell.Running;
using LlmSpell.State;
using LlmSpell.Tools.BuiltIn;
using LlmSpell.Values;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LlmSpell.Testing;

/// <summary>
/// A runner over the embedded defaults — mock LLM, in-memory state — with everything a test wants to
/// look at afterwards: the printed lines and the log entries (notices among them).
/// </summary>
public sealed class SpellTestHost
{
    public SpellTestHost(IEnumerable<ISpellEngine> engines, IStateStore? state = null, IEnumerable<ILlmProvider>? providers = null, SpellApi? api = null, BuiltInToolOptions? toolOptions = null,
        Workflows.IWorkflowService? workflows = null, Spells.ISpellLibrary? spells = null)
    {
        Logs = new FakeLogCollector();
        State = state ?? new MemoryStateStore();
        // The same composition root as every host; what a test brings is registered first and wins.
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(Logs)));
        services.AddSingleton(State);
        services.AddSingleton(api ?? SpellApi.Standard);
        foreach (var engine in engines)
        {
            services.AddSingleton(engine);
        }

        foreach (var llm in providers ?? [])
        {
            services.AddSingleton(llm);
        }

        if (workflows is not null)
        {
            services.AddSingleton(workflows);
        }

        if (spells is not null)
        {
            services.AddSingleton(spells);
        }

        var workspace = Path.Combine(Path.GetTempPath(), "llmspell-workspaces", Guid.NewGuid().ToString("N"));
        ContentRoot = workspace;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(LlmSpellServiceCollectionExtensions.ContentRootKey, workspace)]).Build();
        services.AddLlmSpell(configuration, _ => { })
            .Configure(options => options.Tools = toolOptions ?? new BuiltInToolOptions { WorkspaceRoot = workspace });
        var built = services.BuildServiceProvider();
        Host = built.GetRequiredService<SpellHost>();
        Llm = Host.Llm;
        Runner = built.GetRequiredService<SpellRunner>();
    }

    public SpellRunner Runner { get; }

    /// <summary>The project folder of this host (a fresh temporary one): spells it runs call the spells here.</summary>
    public string ContentRoot { get; }

    public SpellHost Host { get; }

    public LlmService Llm { get; }

    public IStateStore State { get; }

    public FakeLogCollector Logs { get; }

    /// <summary>Limits small enough that attack scripts end in seconds.</summary>
    public static SandboxLimits TightLimits { get; } = SandboxLimits.Default with
    {
        Timeout = TimeSpan.FromSeconds(5),
        MaxInstructions = 20_000_000,
        MaxMemoryBytes = 32L * 1024 * 1024,
        MaxRecursionDepth = 200,
        MaxOutputBytes = 64 * 1024,
        AbandonGrace = TimeSpan.FromSeconds(1),
    };

    /// <param name="path">The spell's file, when it has one (the spells it calls are found beside it).</param>
    public async Task<SpellOutcome> RunAsync(string name, string source, SpellMap? input = null, SandboxLimits? limits = null, string? engine = null, string? path = null, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var result = await Runner.RunAsync(
            new SpellScript(name, source, path),
            new SpellRunOptions { Input = input ?? SpellMap.Empty, Limits = limits ?? SandboxLimits.Default, Output = output, Engine = engine },
            cancellationToken);
        return new SpellOutcome(result, output.ToString());
    }
}

/// <summary>A finished run and what it printed.</summary>
public sealed record SpellOutcome(SpellRunResult Result, string Output)
{
    public SpellValue Value => Result.Error is { } error ? throw new InvalidOperationException($"the spell failed: {error}") : Result.Value;

    public SpellError Error => Result.Error ?? throw new InvalidOperationException($"the spell succeeded with {Result.Value}");

    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
}
