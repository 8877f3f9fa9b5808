using LlmSpell.Configuration;
using Microsoft.Extensions.Configuration;

namespace LlmSpell.Hosting.Spells;

/// <summary>
/// Which spells a server serves, from the section "spells":
/// <code>{ "spells": { "folder": "spells", "container": "deployed-spells" } }</code>
/// The folder is published with the app (default: the content root); the container, on the durable
/// storage account, holds spells uploaded after deployment.
/// </summary>
public sealed record SpellsSettings
{
    public required string Folder { get; init; }

    public string? Container { get; init; }

    public static SpellsSettings Read(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("spells");
        var container = section["container"];
        if (container is not null && !(container.Length is >= 3 and <= 63 && container.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            throw SpellConfiguration.BadSetting(configuration, "spells:container", $"must be a blob container name (3-63 lower-case letters, digits and dashes), not \"{container}\"");
        }
        return new SpellsSettings { Folder = Path.GetFullPath(section["folder"] ?? ".", contentRoot), Container = container };
    }
}
