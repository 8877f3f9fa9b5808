using LlmSpell.Hosting.Durable;
using LlmSpell.Mcp;
using LlmSpell.Providers;
using LlmSpell.Tools.BuiltIn;

namespace LlmSpell.Hosting;

/// <summary>
/// Everything LlmSpell is configured with, read from the layered settings
/// (<see cref="Configuration.SpellConfiguration"/>) when the host starts and validated then, so a bad
/// setting stops the host before its first request with a message naming the setting. Hosts may
/// change it after reading with <see cref="LlmSpellBuilder.Configure"/>.
/// </summary>
public sealed class LlmSpellOptions
{
    /// <summary>The folder, under the content root, where the embedded defaults keep their data.</summary>
    public const string DataFolderName = ".llmspell";

    /// <summary>The project's folder: its settings files, and the root of spell names (see README, "How a spell is named").</summary>
    public string ContentRoot { get; set; } = "";

    public string DataFolder => Path.Combine(ContentRoot, DataFolderName);

    public LlmSettings Llm { get; set; } = new();

    public BuiltInToolOptions Tools { get; set; } = new();

    public IReadOnlyList<McpServerSettings> McpServers { get; set; } = [];

    public DurableSettings Durable { get; set; } = null!;

    /// <summary>Which spells <c>llmspell serve</c> and the Functions app serve.</summary>
    public Spells.SpellsSettings Spells { get; set; } = null!;

    /// <summary>Where traces and metrics go, and what they may hold.</summary>
    public Telemetry.TelemetrySettings Telemetry { get; set; } = new();
}
