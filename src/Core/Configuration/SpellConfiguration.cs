using LlmSpell.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace LlmSpell.Configuration;

/// <summary>
/// The settings of a project, layered, each later layer overriding the earlier ones:
/// <c>llmspell.json</c> in the content root, then <c>.llmspell/config.json</c>, then environment
/// variables prefixed <c>LLMSPELL_</c> (<c>LLMSPELL_llm__default</c> is <c>llm:default</c>), then
/// the configuration of the host (a Functions app's settings, ASP.NET Core's appsettings). Every part
/// (LLM, tools, MCP, durable) reads its own section of the whole, and names a bad setting by its path
/// and the layer it came from (<see cref="Describe"/>).
/// </summary>
public static class SpellConfiguration
{
    public const string EnvironmentPrefix = "LLMSPELL_";

    public static IReadOnlyList<string> FileNames { get; } = ["llmspell.json", Path.Combine(".llmspell", "config.json")];

    /// <exception cref="SpellException">With code <c>bad_argument</c> naming a file that is not JSON.</exception>
    public static IConfigurationRoot Build(string contentRoot, IConfiguration? host = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        var builder = new ConfigurationBuilder();
        var files = FileNames.Select(name => Path.GetFullPath(Path.Combine(contentRoot, name))).ToList();
        foreach (var path in files.Where(File.Exists))
        {
            // Each file gets a provider rooted at its own folder, so errors can name the file whole.
            builder.AddJsonFile(new PhysicalFileProvider(Path.GetDirectoryName(path)!), Path.GetFileName(path), optional: true, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        if (host is not null)
        {
            builder.AddConfiguration(host, shouldDisposeConfiguration: false);
        }

        try
        {
            return builder.Build();
        }
        catch (InvalidDataException ex)
        {
            var file = files.FirstOrDefault(path => ex.Message.Contains(Path.GetFileName(path) + "'", StringComparison.Ordinal)) ?? "configuration";
            throw new SpellException(SpellErrorCode.BadArgument, $"{file}: {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    /// <summary>
    /// A setting as a user finds it: where it was set and its dotted path, e.g.
    /// <c>/app/llmspell.json: llm.maxAttempts</c> or <c>environment variable LLMSPELL_durable__provider: durable.provider</c>.
    /// </summary>
    /// <param name="configuration">The root (from <see cref="Build"/>), which knows the layers.</param>
    public static string Describe(IConfiguration configuration, string path)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(path);
        var dotted = path.Replace(':', '.');
        return SourceOf(configuration, path) is { } source ? $"{source}: {dotted}" : $"setting {dotted}";
    }

    /// <summary>A <c>bad_argument</c> error about one setting, named as <see cref="Describe"/> does.</summary>
    public static SpellException BadSetting(IConfiguration configuration, string path, string problem) =>
        new(SpellErrorCode.BadArgument, $"{Describe(configuration, path)} {problem}");

    private static string? SourceOf(IConfiguration configuration, string path)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return null;
        }

        foreach (var provider in root.Providers.Reverse())
        {
            if (!provider.TryGet(path, out _) && !provider.GetChildKeys([], path).Any())
            {
                continue;
            }

            return provider switch
            {
                JsonConfigurationProvider json when json.Source.FileProvider is PhysicalFileProvider files => Path.Combine(files.Root, json.Source.Path ?? ""),
                EnvironmentVariablesConfigurationProvider => "environment variable " + EnvironmentPrefix + path.Replace(":", "__", StringComparison.Ordinal),
                ChainedConfigurationProvider chained => SourceOf(chained.Configuration, path) ?? "the host's configuration",
                _ => "the host's configuration",
            };
        }

        return null;
    }
}
