using LlmSpell.Errors;
using Microsoft.Extensions.Configuration;

namespace LlmSpell.Configuration;

/// <summary>One configuration file that exists, parsed.</summary>
public sealed record SpellConfigFile(string Path, IConfiguration Configuration);

/// <summary>
/// The configuration files of a working directory, <c>llmspell.json</c> then <c>.llmspell/config.json</c>
/// (later overrides earlier), each read once. Every part of the host (LLM, tools, MCP) reads its own
/// section from these, and keeps the file's path to name it in errors.
/// </summary>
public static class SpellConfigFiles
{
    public static IReadOnlyList<string> Names { get; } = ["llmspell.json", System.IO.Path.Combine(".llmspell", "config.json")];

    /// <exception cref="SpellException">With code <c>bad_argument</c> naming a file that is not JSON.</exception>
    public static IReadOnlyList<SpellConfigFile> Read(string workingDirectory)
    {
        var files = new List<SpellConfigFile>();
        foreach (var path in Names.Select(name => System.IO.Path.Combine(workingDirectory, name)).Where(File.Exists))
        {
            try
            {
                files.Add(new SpellConfigFile(path, new ConfigurationBuilder().AddJsonFile(path, optional: false).Build()));
            }
            catch (InvalidDataException ex)
            {
                throw new SpellException(SpellErrorCode.BadArgument, $"{path}: {ex.InnerException?.Message ?? ex.Message}");
            }
        }

        return files;
    }
}
