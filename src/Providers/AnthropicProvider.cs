using Anthropic;
using Anthropic.Models.Models;
using Microsoft.Extensions.AI;

namespace LlmSpell.Providers;

/// <summary>Anthropic's Messages API through Anthropic's own SDK and its IChatClient adapter.</summary>
public sealed class AnthropicProvider : HttpLlmProvider
{
    /// <summary>The Messages API requires max_tokens on every request; this is used when a spell gives none.</summary>
    public const int DefaultMaxTokens = 4096;

    private readonly Lazy<AnthropicClient> _client;

    public AnthropicProvider(ProviderSettings settings, HttpClient http)
        : base(settings, http)
    {
        _client = new Lazy<AnthropicClient>(() => new AnthropicClient
        {
            ApiKey = settings.ApiKey ?? "",
            BaseUrl = settings.BaseUrl?.AbsoluteUri.TrimEnd('/') ?? "https://api.anthropic.com",
            HttpClient = http,
            MaxRetries = 0,
            Timeout = http.Timeout,
        });
    }

    protected override IChatClient CreateChatClient(string model) => _client.Value.AsIChatClient(model, DefaultMaxTokens);

    protected override async Task<IReadOnlyList<string>> ListModelsCoreAsync(CancellationToken cancellationToken)
    {
        var page = await _client.Value.Models.List(new ModelListParams(), cancellationToken).ConfigureAwait(false);
        return [.. page.Items.Select(m => m.ID).Order(StringComparer.Ordinal)];
    }
}
