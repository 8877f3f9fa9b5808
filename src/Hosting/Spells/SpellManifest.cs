using LlmSpell.Running;

namespace LlmSpell.Hosting.Spells;

/// <summary>
/// What a deployed spell declares once, beside its code in <c>&lt;name&gt;.spell.json</c>, the same way
/// for every language: its name, description, input schema, limits and triggers. A JSON file rather
/// than a comment block so that no language's comment syntax is involved, the input schema is
/// written in JSON Schema's own notation, and editors check it against a published schema.
/// </summary>
public sealed record SpellManifest
{
    /// <summary>The manifest's file name ending.</summary>
    public const string FileSuffix = ".spell.json";

    /// <summary>The served name: the route segment, queue owner and state namespace.</summary>
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The schema the run's input must meet before the spell starts; null accepts any map.</summary>
    public SpellInputSchema? Input { get; init; }

    public SandboxLimits Limits { get; init; } = SandboxLimits.Default;

    public SpellTriggers Triggers { get; init; } = new();

    /// <summary>The file name of the spell's code, beside the manifest.</summary>
    public required string ScriptFile { get; init; }

    /// <summary>Where the manifest was read from, for messages.</summary>
    public required string Source { get; init; }
}

/// <summary>How a spell is started. Every spell can be run over HTTP unless it says otherwise.</summary>
public sealed record SpellTriggers
{
    public bool Http { get; init; } = true;

    public QueueTrigger? Queue { get; init; }

    public ScheduleTrigger? Schedule { get; init; }
}

/// <summary>Runs the spell for each message on a storage queue.</summary>
public sealed record QueueTrigger(string QueueName, int MaxDequeueCount = 5);

/// <summary>Starts the spell's workflow on a six-field NCRONTAB schedule.</summary>
public sealed record ScheduleTrigger(string Cron, TimeZoneInfo TimeZone, bool CatchUp = true);
