using LlmSpell.Configuration;
using LlmSpell.Errors;
using Microsoft.Extensions.Configuration;

namespace LlmSpell.Mcp;

/// <summary>
/// MCP servers from the "mcp" section of the project's settings (<see cref="SpellConfiguration"/>):
/// <code>{ "mcp": { "servers": { "files": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "."] },
///                               "search": { "url": "https://mcp.example.com/mcp" } } } }</code>
/// </summary>
public static class McpSettingsLoader
{
    public static IReadOnlyList<McpServerSettings> Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var servers = new Dictionary<string, McpServerSettings>(StringComparer.Ordinal);
        var section = configuration.GetSection("mcp:servers");
        foreach (var server in section.GetChildren())
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(server.Key, "^[A-Za-z0-9-]{1,32}$"))
            {
                throw SpellConfiguration.BadSetting(configuration, server.Path, "is not a good name: names are 1 to 32 letters, digits or '-' (tools are named <server>_<tool>)");
            }

            Uri? url = null;
            if (server["url"] is { } text && !(Uri.TryCreate(text, UriKind.Absolute, out url) && url.Scheme is "http" or "https"))
            {
                throw SpellConfiguration.BadSetting(configuration, server.Path + ":url", $"'{text}' is not an http(s) URL");
            }

            var command = server["command"];
            if ((command is null) == (url is null))
            {
                throw SpellConfiguration.BadSetting(configuration, server.Path, "needs exactly one of 'command' or 'url'");
            }

            servers[server.Key] = new McpServerSettings
            {
                Name = server.Key,
                Command = command,
                Url = url,
                Arguments = [.. server.GetSection("args").GetChildren().Select(a => a.Value ?? "")],
                Environment = server.GetSection("env").GetChildren().ToDictionary(e => e.Key, e => e.Value ?? ""),
            };
        }

        return [.. servers.Values];
    }
}
