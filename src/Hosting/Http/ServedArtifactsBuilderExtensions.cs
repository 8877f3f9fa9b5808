using LlmSpell.Artifacts;
using LlmSpell.Hosting.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LlmSpell.Hosting;

public static class ServedArtifactsBuilderExtensions
{
    /// <summary>
    /// For a server on the embedded (file) stores: <c>artifacts.url</c> links to this server's
    /// <c>GET /api/artifacts/...</c> route (mapped by <c>MapLlmSpell</c>), signed and expiring. Stores
    /// with URLs of their own (blobs: SAS) keep them. The links' base is the setting
    /// <c>artifacts:baseUrl</c>, else the first address the server listens on.
    /// </summary>
    public static LlmSpellBuilder AddServedArtifacts(this LlmSpellBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IArtifactStore>(sp =>
        {
            var store = LlmSpellServiceCollectionExtensions.Options(sp).Durable.CreateArtifactStore();
            if (store is not FileArtifactStore)
            {
                return store;
            }
            var configured = builder.Configuration["artifacts:baseUrl"];
            return new ServedArtifactStore(store, () => configured is not null ? new Uri(configured) : Listening(sp), sp.GetRequiredService<TimeProvider>());
        }));
        return builder;
    }

    private static Uri? Listening(IServiceProvider services)
    {
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || address.EndsWith(":0", StringComparison.Ordinal))
        {
            return null;
        }
        // A wildcard address is where the server listens, not where a client reaches it.
        return new Uri(address.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
    }
}
