using LlmSpell.Mcp;
using LlmSpell.Tools;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LlmSpell.Hosting.Mcp;

/// <summary>
/// The configured MCP servers, connected while the host starts (asynchronously, not inside a DI
/// factory) and closed when it stops. A server that cannot be reached is logged and skipped.
/// </summary>
public sealed class McpConnections(IOptions<LlmSpellOptions> options, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private McpToolSource? _source;

    /// <summary>The servers' tools.</summary>
    /// <exception cref="InvalidOperationException">Before the host has started.</exception>
    public IReadOnlyList<ISpellTool> Tools => (_source ?? throw new InvalidOperationException("MCP servers connect when the host starts; start the host before running spells")).Tools;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _source = options.Value.McpServers.Count == 0
            ? new McpToolSource()
            : await McpToolSource.ConnectAsync(options.Value.McpServers, loggerFactory, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync().ConfigureAwait(false);
        }
    }
}
