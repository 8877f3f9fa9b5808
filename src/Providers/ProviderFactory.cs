using LlmSpell.Llm;
using LlmSpell.Providers.Recording;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace LlmSpell.Providers;

/// <summary>
/// Builds the providers of <see cref="LlmSettings"/>, each with one HTTP pipeline:
/// record or replay → retry (429, 5xx, network; honours Retry-After) → error capture → network.
/// </summary>
public sealed class ProviderFactory : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public IReadOnlyList<ILlmProvider> Create(LlmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // One replay for all providers, so a recording made by several is answered as a whole.
        var replay = settings.ReplayFrom is { } replayPath ? new ReplayHandler(replayPath) : null;
        if (replay is not null) _owned.Add(replay);
        var providers = new List<ILlmProvider>();
        foreach (var provider in settings.Providers)
        {
            var http = new HttpClient((HttpMessageHandler?)replay ?? new DeferredHandler(() => Network(settings, provider)), disposeHandler: replay is null)
            {
                Timeout = settings.RequestTimeout,
                BaseAddress = provider.BaseUrl,
            };
            _owned.Add(http);
            providers.Add(provider.Kind switch
            {
                ProviderKind.Anthropic => new AnthropicProvider(provider, http),
                ProviderKind.Ollama => new OllamaProvider(provider, http),
                _ => new OpenAICompatibleProvider(provider, http),
            });
        }

        return providers;
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    private static HttpMessageHandler Network(LlmSettings settings, ProviderSettings provider)
    {
        HttpMessageHandler handler = new FailureCaptureHandler { InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) } };
        if (provider.Kind == ProviderKind.AzureOpenAI && provider.ApiKey is { } key)
        {
            handler = new HeaderHandler("api-key", key) { InnerHandler = handler };
        }

        if (settings.MaxAttempts > 1)
        {
            var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = settings.MaxAttempts - 1,
                    Delay = settings.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                })
                .Build();
            handler = new ResilienceHandler(pipeline) { InnerHandler = handler };
        }

        return settings.RecordTo is { } recordPath ? new RecordingHandler(recordPath) { InnerHandler = handler } : handler;
    }

    /// <summary>Azure OpenAI's own key header, sent beside the bearer token the OpenAI SDK adds.</summary>
    private sealed class HeaderHandler(string name, string value) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(name, value);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
