namespace LlmSpell.Running;

/// <summary>
/// The limits every engine enforces on one run. One object for all engines so that a spell gets the
/// same budget whatever its language.
/// </summary>
public sealed record SandboxLimits
{
    public static SandboxLimits Default { get; } = new();

    /// <summary>The fewest instructions a user may set (the CLI's --max-instructions, a manifest's limits.instructions).</summary>
    public const long MinInstructionsSetting = 1000;

    /// <summary>The most memory, in MiB, a user may allow a run.</summary>
    public const int MaxMemoryMiBSetting = 4096;

    /// <summary>
    /// The deepest call nesting a user may allow. Lua and Tengo keep their frames on the heap;
    /// JavaScript recurses on the sandbox thread's stack and ends in recursion_limit when that runs
    /// short, whatever was allowed. The cap keeps a typo from reserving a huge frame table.
    /// </summary>
    public const int MaxRecursionDepthSetting = 100_000;

    /// <summary>Wall-clock time for the whole run, including time spent waiting on the host (LLM calls, sleeps).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Work budget: VM instructions for Lua, statements for JavaScript. Counts differ per engine
    /// (one JavaScript statement does more than one Lua instruction), so this is a guard against
    /// runaway loops, not a cost model.
    /// </summary>
    public long MaxInstructions { get; init; } = 100_000_000;

    /// <summary>Memory the script's own heap may use.</summary>
    public long MaxMemoryBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Call depth of script functions.</summary>
    public int MaxRecursionDepth { get; init; } = 1000;

    /// <summary>Bytes the script may print and log (print, console.log, log.*), together.</summary>
    public long MaxOutputBytes { get; init; } = 1024 * 1024;

    /// <summary>Size of the run's result, as JSON.</summary>
    public long MaxResultBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Size of one state value, as JSON (state.set, state.update).</summary>
    public long MaxStateValueBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>Characters of an error message; a longer one is cut, saying how long it was.</summary>
    public int MaxErrorMessageChars { get; init; } = 16 * 1024;

    /// <summary>Size of the script's source text.</summary>
    public int MaxSourceBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// After the timeout, how long the runner waits for an engine stuck in native code (a Lua string
    /// function, a .NET regex) to notice before giving up on it.
    /// </summary>
    public TimeSpan AbandonGrace { get; init; } = TimeSpan.FromSeconds(2);

    public void Validate()
    {
        if (Timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "must be positive");
        if (MaxInstructions <= 0) throw new ArgumentOutOfRangeException(nameof(MaxInstructions), MaxInstructions, "must be positive");
        if (MaxMemoryBytes < 1024 * 1024) throw new ArgumentOutOfRangeException(nameof(MaxMemoryBytes), MaxMemoryBytes, "must be at least 1 MiB");
        if (MaxRecursionDepth is <= 0 or > MaxRecursionDepthSetting) throw new ArgumentOutOfRangeException(nameof(MaxRecursionDepth), MaxRecursionDepth, $"must be from 1 to {MaxRecursionDepthSetting}");
        if (MaxOutputBytes < 0) throw new ArgumentOutOfRangeException(nameof(MaxOutputBytes), MaxOutputBytes, "must not be negative");
        if (MaxSourceBytes <= 0) throw new ArgumentOutOfRangeException(nameof(MaxSourceBytes), MaxSourceBytes, "must be positive");
        if (MaxResultBytes <= 0) throw new ArgumentOutOfRangeException(nameof(MaxResultBytes), MaxResultBytes, "must be positive");
        if (MaxStateValueBytes <= 0) throw new ArgumentOutOfRangeException(nameof(MaxStateValueBytes), MaxStateValueBytes, "must be positive");
        if (MaxErrorMessageChars < 256) throw new ArgumentOutOfRangeException(nameof(MaxErrorMessageChars), MaxErrorMessageChars, "must be at least 256");
    }
}
