using LlmSpell.Tools;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace LlmSpell.Mcp;

/// <summary>Connects to the configured MCP servers and offers their tools; keeps the connections open.</summary>
public sealed partial class McpToolSource : IAsyncDisposable, IDisposable
{
    private readonly List<McpClient> _clients = [];

    public IReadOnlyList<ISpellTool> Tools { get; private set; } = [];

    /// <summary>
    /// Servers that cannot be reached are logged as warnings and skipped, so one broken server does
    /// not stop spells that never use it.
    /// </summary>
    public static async Task<McpToolSource> ConnectAsync(IEnumerable<McpServerSettings> servers, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var logger = (loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger<McpToolSource>();
        var source = new McpToolSource();
        var tools = new List<ISpellTool>();
        foreach (var server in servers)
        {
            try
            {
                IClientTransport transport = server.Url is { } url
                    ? new HttpClientTransport(new HttpClientTransportOptions { Endpoint = url, Name = server.Name })
                    : new StdioClientTransport(new StdioClientTransportOptions
                    {
                        Name = server.Name,
                        Command = server.Command!,
                        Arguments = [.. server.Arguments],
                        EnvironmentVariables = server.Environment.ToDictionary(e => e.Key, e => (string?)e.Value),
                    });
                var client = await McpClient.CreateAsync(transport, loggerFactory: loggerFactory, cancellationToken: cancellationToken).ConfigureAwait(false);
                source._clients.Add(client);
                tools.AddRange((await client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Select(t => new McpTool(server.Name, t)));
            }
#pragma warning disable CA1031 // Any failure of a server is reported and that server skipped.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogUnavailable(logger, server.Name, ex.Message);
            }
        }

        source.Tools = tools;
        return source;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }

        _clients.Clear();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MCP server '{Server}' is not available: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string server, string reason);
}
