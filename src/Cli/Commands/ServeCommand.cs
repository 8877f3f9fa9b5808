using System.CommandLine;
using LlmSpell.Cli.Serve;
using LlmSpell.Errors;
using LlmSpell.Hosting;
using LlmSpell.Hosting.Http;
using LlmSpell.Hosting.Spells;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace LlmSpell.Cli.Commands;

/// <summary>
/// <c>llmspell serve</c>: the Functions app's HTTP contract on Kestrel, with the embedded engine and
/// a durable worker in the same process, for local development and for self-hosting.
/// </summary>
public static class ServeCommand
{
    public const string ApiKeyVariable = "LLMSPELL_API_KEY";

    public static Command Create(CliConsole console)
    {
        var urls = new Option<string>("--urls") { Description = $"Addresses to listen on, ';'-separated (default {ServeUrls.Default}).", DefaultValueFactory = _ => ServeUrls.Default };
        var spells = new Option<string?>("--spells") { Description = "The folder of spells to serve (default: the setting spells.folder, else the current folder)." };
        var apiKey = new Option<string?>("--api-key") { Description = $"The key every request must carry (default: ${ApiKeyVariable}); required unless every address is loopback." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log every request and spell log line." };
        var command = new Command("serve", "Serve spells over HTTP: POST /api/spells/{name}, POST /api/workflows/{name}, GET /api/spells.") { urls, spells, apiKey, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (addresses, problem) = ServeUrls.Parse(parse.GetValue(urls)!);
            if (problem is not null)
            {
                await console.Error.WriteLineAsync($"llmspell: {problem}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            var key = parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
            var loopback = ServeUrls.AllLoopback(addresses);
            if (string.IsNullOrEmpty(key) && !loopback)
            {
                await console.Error.WriteLineAsync($"llmspell: serving on {string.Join(", ", addresses)} reaches beyond this machine, so it needs an API key: pass --api-key or set {ApiKeyVariable} (or listen on 127.0.0.1 only)").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            WebApplication app;
            try
            {
                app = Build(addresses, parse.GetValue(spells), parse.GetValue(verbose), key);
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SpellException e)
            {
                await console.Error.WriteLineAsync($"llmspell: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (IOException e)
            {
                // Kestrel's "address already in use" and kin.
                await console.Error.WriteLineAsync($"llmspell: cannot listen on {string.Join(", ", addresses)}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.HostFailure;
            }
            await using (app.ConfigureAwait(false))
            {
                var served = await app.Services.GetRequiredService<SpellCatalog>().ListAsync(cancellationToken).ConfigureAwait(false);
                var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? addresses;
                await console.Out.WriteLineAsync($"llmspell serve: {served.Count} spell(s) on {string.Join(", ", listening)}{(string.IsNullOrEmpty(key) ? " (loopback only, no API key)" : " (API key required)")}; Ctrl+C stops").ConfigureAwait(false);
                await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C.
                }
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
            await console.Out.WriteLineAsync("llmspell serve: stopped").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static WebApplication Build(string[] addresses, string? spellsFolder, bool verbose, string? key)
    {
        var contentRoot = Environment.CurrentDirectory;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, Args = [] });
        builder.Configuration[LlmSpellServiceCollectionExtensions.ContentRootKey] = contentRoot;
        if (spellsFolder is not null)
        {
            builder.Configuration["spells:folder"] = Path.GetFullPath(spellsFolder);
        }
        builder.WebHost.UseUrls(addresses);
        builder.Logging.ClearProviders()
            .SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None)
            .AddFilter("Microsoft.AspNetCore", verbose ? LogLevel.Information : LogLevel.Warning)
            .AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.AddLlmSpell(builder.Configuration, spell => spell.AddLua().AddJavaScript().AddTengo().AddLlmProviders().AddMcp().AddDurableWorker().AddScheduleClock().AddQueueListener().AddServedArtifacts()
            // Each request's server span is the root of the trace its spell runs and workflow steps join.
            .AddTelemetry("llmspell-serve", otel => otel.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation())));
        var app = builder.Build();
        if (ApiKeyGate.For(key) is { } gate)
        {
            app.Use(gate.InvokeAsync);
        }
        app.MapLlmSpell();
        return app;
    }
}
