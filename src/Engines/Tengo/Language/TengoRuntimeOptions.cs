namespace LlmSpell.Engines.Tengo.Language;

/// <summary>The budget and surroundings of one run of a <see cref="TengoVm"/>.</summary>
public sealed record TengoRuntimeOptions
{
    /// <summary>VM instructions the run may execute.</summary>
    public long MaxInstructions { get; init; } = long.MaxValue;

    /// <summary>Bytes the run may allocate for strings, bytes, arrays, maps and closures, counted cumulatively.</summary>
    public long MaxAllocationBytes { get; init; } = long.MaxValue;

    /// <summary>Call depth of script functions.</summary>
    public int MaxFrames { get; init; } = 1024;

    /// <summary>The longest string (in UTF-16 code units) or bytes value the run may build.</summary>
    public int MaxStringLength { get; init; } = 64 * 1024 * 1024;

    public CancellationToken CancellationToken { get; init; }

    /// <summary>Where fmt.print and friends write.</summary>
    public Action<string> Write { get; init; } = _ => { };

    /// <summary>Modules the host adds (by name) on top of the standard ones; built once per run, on first import.</summary>
    public IReadOnlyDictionary<string, Func<TengoVm, TengoObject>> HostModules { get; init; } = new Dictionary<string, Func<TengoVm, TengoObject>>();

    /// <summary>
    /// Called every few thousand instructions on the VM's thread; the host throws from it to stop the
    /// run for a reason of its own (a limit tripped elsewhere, a finished workflow capture).
    /// </summary>
    public Action? Checkpoint { get; init; }

    /// <summary>The clock of times.now (UTC); replaceable for tests.</summary>
    public Func<DateTime> UtcNow { get; init; } = () => DateTime.UtcNow;
}
