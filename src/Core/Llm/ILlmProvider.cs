using Microsoft.Extensions.AI;

namespace LlmSpell.Llm;

/// <summary>
/// One LLM vendor (or the offline mock). Providers hand out <see cref="IChatClient"/>s, so everything
/// above them — the <c>llm</c> module, agents, middleware — speaks Microsoft.Extensions.AI only.
/// </summary>
public interface ILlmProvider
{
    /// <summary>The name used in <c>provider/model</c> strings and the <c>provider</c> option.</summary>
    string Name { get; }

    /// <summary>True when the provider has what it needs to be called (a key, an endpoint).</summary>
    bool IsConfigured { get; }

    string DefaultModel { get; }

    /// <summary>A client for <paramref name="model"/>.</summary>
    IChatClient GetChatClient(string model);

    Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken);
}
