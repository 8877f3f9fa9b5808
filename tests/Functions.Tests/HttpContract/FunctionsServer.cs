using LlmSpell.Functions.Http;
using LlmSpell.Orchestrations.DurableTask;
using LlmSpell.Orchestrations.Workflows;
using LlmSpell.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmSpell.Functions.Tests.HttpContract;

/// <summary>
/// The Functions app's HTTP functions through the ASP.NET Core integration they are written for:
/// the app's own composition (<c>AddLlmSpellFunctions</c>) and <see cref="SpellFunctions"/>, each
/// function mapped to its route under <c>/api</c> as the host's metadata declares it, with a
/// Microsoft.DurableTask client behind <c>[DurableClient]</c>. (The host's function-key check is the
/// host's, not ours, and cannot run here.)
/// </summary>
public sealed class FunctionsServer : ISpellServer
{
    private readonly string _root = Directory.CreateTempSubdirectory("llmspell-functions-app-").FullName;
    private WebApplication? _app;
    private DurableTaskTestHost? _hub;

    public HttpClient Client { get; private set; } = null!;

    public static async Task<FunctionsServer> StartAsync()
    {
        var server = new FunctionsServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new(LlmSpellServiceCollectionExtensions.ContentRootKey, server._root),
            new("spells:folder", Path.Combine(AppContext.BaseDirectory, "contract")),
        ]).Build();
        builder.Services.AddLlmSpellFunctions(configuration);
        builder.Services.AddSingleton<SpellFunctions>();
        server._app = builder.Build();
        var services = server._app.Services;
        var (hub, _) = await WorkflowFaces.StartFunctionsAsync(services.GetRequiredService<SpellStepActivity>(), services.GetRequiredService<IStateStore>(), services.GetRequiredService<ISpellArchive>());
        server._hub = hub;

        server._app.MapGet("/api/spells", async (HttpRequest request, SpellFunctions functions) => { await functions.ListSpells(request); });
        server._app.MapPost("/api/spells/{name}", async (HttpRequest request, string name, SpellFunctions functions) => { await functions.RunSpell(request, name, hub.Client); });
        await server._app.StartAsync();
        server.Client = server._app.GetTestClient();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
        Directory.Delete(_root, recursive: true);
    }
}
