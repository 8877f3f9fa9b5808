namespace LlmSpell.Tools.BuiltIn;

/// <summary>What the host allows the built-in tools to reach.</summary>
public sealed record BuiltInToolOptions
{
    /// <summary>
    /// Hosts http_request may call: exact names, <c>*.example.com</c> for subdomains, or <c>*</c> for any
    /// public host. Empty (the default) allows none.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Let http_request reach loopback, private, link-local and metadata addresses. Off by default.</summary>
    public bool AllowPrivateNetworks { get; init; }

    public long MaxResponseBytes { get; init; } = 1024 * 1024;

    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The folder under which each spell gets its own workspace for the file tools; null disables them.</summary>
    public string? WorkspaceRoot { get; init; }

    public long MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>The most a spell's workspace may hold, all files together (<c>tools.workspace.maxBytes</c>).</summary>
    public long MaxWorkspaceBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The most files a spell's workspace may hold (<c>tools.workspace.maxFiles</c>).</summary>
    public int MaxWorkspaceFiles { get; init; } = 1_000;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
