using LlmSpell.Errors;
using LlmSpell.Hosting;
using LlmSpell.Orchestrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmSpell.Cli;

/// <summary>What a command asks of the services it runs with.</summary>
/// <param name="ConnectMcp">Start the configured MCP servers; only commands that call tools need them.</param>
/// <param name="OnDemandWorker">Run a worker once the command starts a durable run (a one-off <c>llmspell run</c>).</param>
/// <param name="Worker">Run a worker for as long as the command runs (<c>llmspell worker</c>).</param>
internal sealed record CliHostOptions(LogLevel MinimumLogLevel = LogLevel.Warning, string? RecordTo = null, string? ReplayFrom = null, bool ConnectMcp = false,
    bool OnDemandWorker = false, DurableWorkerOptions? Worker = null);

/// <summary>
/// A command's services: a generic host over <c>AddLlmSpell</c> in the current directory, started
/// (settings validated, MCP servers connected, workers running) and stopped when disposed.
/// </summary>
internal sealed class CliHost : IServiceProvider, IAsyncDisposable
{
    private readonly IHost _host;

    private CliHost(IHost host) => _host = host;

    public string ContentRoot { get; } = Environment.CurrentDirectory;

    public object? GetService(Type serviceType) => _host.Services.GetService(serviceType);

    /// <summary>Starts the host; a bad setting is reported on stderr and gives null (the command exits with <see cref="ExitCodes.Usage"/>).</summary>
    public static async Task<CliHost?> StartAsync(CliConsole console, CliHostOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(options);
        IHost? host = null;
        try
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration[LlmSpellServiceCollectionExtensions.ContentRootKey] = Environment.CurrentDirectory;
            // Commands end themselves and System.CommandLine handles Ctrl+C: no console lifetime.
            builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
            builder.Logging
                .SetMinimumLevel(options.MinimumLogLevel)
                // A host that fails to start is reported by the command, in one line, not a stack trace.
                .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None)
                .AddSimpleConsole(console => console.SingleLine = true)
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Services.AddLlmSpell(builder.Configuration, spell =>
            {
                spell.AddLua().AddJavaScript().AddTengo().AddLlmProviders().AddDurableWorkflows().AddTelemetry("llmspell");
                if (options.ConnectMcp)
                {
                    spell.AddMcp();
                }

                if (options.Worker is not null)
                {
                    spell.AddDurableWorker(options.Worker);
                }
                else if (options.OnDemandWorker)
                {
                    spell.AddOnDemandDurableWorker();
                }
            }).Configure(settings => settings.Llm = settings.Llm with
            {
                RecordTo = options.RecordTo is null ? null : Path.GetFullPath(options.RecordTo),
                ReplayFrom = options.ReplayFrom is null ? null : Path.GetFullPath(options.ReplayFrom),
            });
            host = builder.Build();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return new CliHost(host);
        }
        catch (SpellException ex)
        {
            host?.Dispose();
            await console.Error.WriteLineAsync($"llmspell: {ex.Message}").ConfigureAwait(false);
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            _host.Dispose();
        }
    }

    private sealed class CommandLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
