using LlmSpell.Configuration;
using LlmSpell.Tools.BuiltIn;
using Microsoft.Extensions.Configuration;

namespace LlmSpell.Hosting.Configuration;

/// <summary>
/// The built-in tools' policy from the section "tools":
/// <code>{ "tools": { "http": { "allowedHosts": ["api.github.com", "*.wikipedia.org"], "allowPrivateNetworks": false,
///                            "maxResponseBytes": 1048576, "timeoutSeconds": 30 } } }</code>
/// </summary>
public static class ToolSettingsReader
{
    public static BuiltInToolOptions Read(IConfiguration configuration, string workspaceRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new BuiltInToolOptions { WorkspaceRoot = workspaceRoot };
        var http = configuration.GetSection("tools:http");
        var workspace = configuration.GetSection("tools:workspace");
        var hosts = http.GetSection("allowedHosts").GetChildren().Select(c => c.Value).OfType<string>().ToList();
        return options with
        {
            AllowedHosts = hosts.Count > 0 ? hosts : options.AllowedHosts,
            AllowPrivateNetworks = Read<bool>(configuration, http, "allowPrivateNetworks", bool.TryParse) ?? options.AllowPrivateNetworks,
            MaxResponseBytes = InRange(configuration, http, "maxResponseBytes", Read<long>(configuration, http, "maxResponseBytes", long.TryParse), 1, 1L << 30) ?? options.MaxResponseBytes,
            // HttpClient takes no timeout of 0 or less, nor one past int.MaxValue milliseconds.
            MaxWorkspaceBytes = InRange(configuration, workspace, "maxBytes", Read<long>(configuration, workspace, "maxBytes", long.TryParse), 1, 1L << 40) ?? options.MaxWorkspaceBytes,
            MaxWorkspaceFiles = (int?)InRange(configuration, workspace, "maxFiles", Read<long>(configuration, workspace, "maxFiles", long.TryParse), 1, 1_000_000) ?? options.MaxWorkspaceFiles,
            HttpTimeout = InRange(configuration, http, "timeoutSeconds", Read<long>(configuration, http, "timeoutSeconds", long.TryParse), 1, 3600) is { } seconds ? TimeSpan.FromSeconds(seconds) : options.HttpTimeout,
        };
    }

    private static long? InRange(IConfiguration configuration, IConfigurationSection section, string key, long? value, long min, long max) =>
        value is null || (value >= min && value <= max)
            ? value
            : throw SpellConfiguration.BadSetting(configuration, section.Path + ":" + key, $"must be a whole number from {min} to {max}, not {value}");

    private delegate bool TryParse<T>(string text, out T value);

    private static T? Read<T>(IConfiguration configuration, IConfigurationSection section, string key, TryParse<T> parse)
        where T : struct
    {
        if (section[key] is not { } text)
        {
            return null;
        }

        return parse(text, out var value) ? value : throw SpellConfiguration.BadSetting(configuration, section.Path + ":" + key, $"has a bad value '{text}'");
    }
}
