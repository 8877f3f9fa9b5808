using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmSpell.FakeProviders;

/// <summary>A web app for tests on a free port of 127.0.0.1, quiet, stopped on disposal.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The server's root, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public Uri Address { get; }

    public static Task<LoopbackServer> StartAsync(Action<WebApplication> mapRoutes) => StartAsync(_ => { }, mapRoutes);

    public static async Task<LoopbackServer> StartAsync(Action<IServiceCollection> configureServices, Action<WebApplication> mapRoutes)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        ArgumentNullException.ThrowIfNull(mapRoutes);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        configureServices(builder.Services);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        mapRoutes(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, new Uri(address.TrimEnd('/')));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
