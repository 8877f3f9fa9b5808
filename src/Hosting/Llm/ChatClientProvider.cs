using LlmSpell.Llm;
using Microsoft.Extensions.AI;

namespace LlmSpell.Hosting.Llm;

/// <summary>
/// Any <see cref="IChatClient"/> under a provider name: spells reach it as <c>NAME/model</c> or with
/// <c>provider = "NAME"</c>, as they reach the built-in vendors.
/// </summary>
internal sealed class ChatClientProvider(string name, IChatClient client, string defaultModel) : ILlmProvider
{
    public string Name { get; } = name;

    public bool IsConfigured => true;

    public string DefaultModel { get; } = defaultModel;

    // The model travels in ChatOptions.ModelId, which the llm module sets on every request.
    public IChatClient GetChatClient(string model) => client;

    public Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([DefaultModel]);
}
