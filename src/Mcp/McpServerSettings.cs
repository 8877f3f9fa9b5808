namespace LlmSpell.Mcp;

/// <summary>One MCP server to connect to: a command to start (stdio) or a URL (streamable HTTP).</summary>
public sealed record McpServerSettings
{
    public required string Name { get; init; }

    public string? Command { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public Uri? Url { get; init; }
}
