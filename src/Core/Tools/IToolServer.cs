using LlmSpell.Running;

namespace LlmSpell.Tools;

/// <summary>
/// Offers a run's tools (built-in, from MCP servers, and those the spell registered) to a client
/// outside the run, e.g. over MCP. Core defines it; the MCP adapter implements it.
/// </summary>
public interface IToolServer
{
    /// <summary>Serves until the client goes away or <paramref name="cancellationToken"/> fires; tool calls run in <paramref name="context"/>.</summary>
    Task ServeAsync(SpellContext context, CancellationToken cancellationToken);
}
