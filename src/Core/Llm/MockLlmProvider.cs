using Microsoft.Extensions.AI;

namespace LlmSpell.Llm;

/// <summary>The provider named <c>mock</c>: always configured, needs nothing, answers offline.</summary>
public sealed class MockLlmProvider : ILlmProvider
{
    public const string ProviderName = "mock";

    public string Name => ProviderName;

    public bool IsConfigured => true;

    public string DefaultModel => "echo";

    public IChatClient GetChatClient(string model) => new MockChatClient(model);

    public Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken) => Task.FromResult(MockChatClient.Models);
}
