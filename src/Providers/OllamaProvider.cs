using Microsoft.Extensions.AI;
using OllamaSharp;

namespace LlmSpell.Providers;

/// <summary>Ollama's native API through OllamaSharp, whose client is itself an IChatClient.</summary>
public sealed class OllamaProvider(ProviderSettings settings, HttpClient http) : HttpLlmProvider(settings, http)
{
    protected override IChatClient CreateChatClient(string model) => new OllamaApiClient(Http, model);

    protected override async Task<IReadOnlyList<string>> ListModelsCoreAsync(CancellationToken cancellationToken)
    {
        using var client = new OllamaApiClient(Http, DefaultModel);
        var models = await client.ListLocalModelsAsync(cancellationToken).ConfigureAwait(false);
        return [.. models.Select(m => m.Name).Order(StringComparer.Ordinal)];
    }
}
