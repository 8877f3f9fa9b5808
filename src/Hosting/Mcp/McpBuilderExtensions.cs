using LlmSpell.Hosting.Mcp;
using LlmSpell.Mcp;
using LlmSpell.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LlmSpell.Hosting;

public static class McpBuilderExtensions
{
    /// <summary>
    /// The Model Context Protocol both ways: the servers of the "mcp" settings, whose tools join every
    /// run's built-in tools, and <c>tools.serve()</c>, which serves a spell's tools over stdio.
    /// </summary>
    public static LlmSpellBuilder AddMcp(this LlmSpellBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IToolServer, McpToolServer>();
        builder.Services.TryAddSingleton<McpConnections>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, McpConnections>(sp => sp.GetRequiredService<McpConnections>()));
        return builder;
    }
}
