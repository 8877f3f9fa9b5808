using LlmSpell.Errors;
using LlmSpell.Configuration;
using LlmSpell.Tools.BuiltIn;
using Microsoft.Extensions.Configuration;

namespace LlmSpell.Cli;

/// <summary>
/// The built-in tools' policy from the "tools" section of llmspell.json / .llmspell/config.json:
/// <code>{ "tools": { "http": { "allowedHosts": ["api.github.com", "*.wikipedia.org"], "allowPrivateNetworks": false,
///                            "maxResponseBytes": 1048576, "timeoutSeconds": 30 } } }</code>
/// </summary>
public static class ToolSettingsLoader
{
    public static BuiltInToolOptions Load(string workingDirectory, IReadOnlyList<SpellConfigFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var options = new BuiltInToolOptions { WorkspaceRoot = Path.Combine(workingDirectory, SpellServices.DataFolder, "workspace") };
        foreach (var (file, configuration) in files)
        {
            var http = configuration.GetSection("tools:http");
            var hosts = http.GetSection("allowedHosts").GetChildren().Select(c => c.Value).OfType<string>().ToList();
            options = options with
            {
                AllowedHosts = hosts.Count > 0 ? hosts : options.AllowedHosts,
                AllowPrivateNetworks = Read<bool>(file, http, "allowPrivateNetworks", bool.TryParse) ?? options.AllowPrivateNetworks,
                MaxResponseBytes = Read<long>(file, http, "maxResponseBytes", long.TryParse) ?? options.MaxResponseBytes,
                HttpTimeout = Read<int>(file, http, "timeoutSeconds", int.TryParse) is { } seconds ? TimeSpan.FromSeconds(seconds) : options.HttpTimeout,
            };
        }

        return options;
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static T? Read<T>(string file, IConfigurationSection section, string key, TryParse<T> parse)
        where T : struct
    {
        if (section[key] is not { } text)
        {
            return null;
        }

        return parse(text, out var value) ? value : throw new SpellException(SpellErrorCode.BadArgument, $"{file}: tools.http.{key} has a bad value '{text}'");
    }
}
