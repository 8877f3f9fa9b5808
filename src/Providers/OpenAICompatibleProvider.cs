using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace LlmSpell.Providers;

/// <summary>OpenAI, Azure OpenAI (v1 API), Gemini (OpenAI-compatible endpoint) and any compatible server, through the OpenAI SDK.</summary>
public sealed class OpenAICompatibleProvider : HttpLlmProvider
{
    private readonly Lazy<OpenAIClient> _client;

    public OpenAICompatibleProvider(ProviderSettings settings, HttpClient http)
        : base(settings, http)
    {
        _client = new Lazy<OpenAIClient>(() => new OpenAIClient(
            // A local server may need no key; the SDK insists on one, and such servers ignore it.
            new ApiKeyCredential(settings.ApiKey ?? "no-key"),
            new OpenAIClientOptions
            {
                Endpoint = settings.BaseUrl,
                Transport = new HttpClientPipelineTransport(http),
                // Retries belong to our HTTP pipeline, which honours Retry-After for every provider alike.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = http.Timeout,
            }));
    }

    protected override IChatClient CreateChatClient(string model) => _client.Value.GetChatClient(model).AsIChatClient();

    protected override async Task<IReadOnlyList<string>> ListModelsCoreAsync(CancellationToken cancellationToken)
    {
        var models = await _client.Value.GetOpenAIModelClient().GetModelsAsync(cancellationToken).ConfigureAwait(false);
        return [.. models.Value.Select(m => m.Id).Order(StringComparer.Ordinal)];
    }
}
