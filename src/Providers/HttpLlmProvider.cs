using System.Collections.Concurrent;
using LlmSpell.Errors;
using LlmSpell.Llm;
using Microsoft.Extensions.AI;

namespace LlmSpell.Providers;

/// <summary>What every SDK-backed provider shares: its settings, a client per model, and error mapping.</summary>
public abstract class HttpLlmProvider : ILlmProvider, IDisposable
{
    private readonly ConcurrentDictionary<string, IChatClient> _clients = new(StringComparer.Ordinal);

    protected HttpLlmProvider(ProviderSettings settings, HttpClient http)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Http = http ?? throw new ArgumentNullException(nameof(http));
    }

    public ProviderSettings Settings { get; }

    protected HttpClient Http { get; }

    public string Name => Settings.Name;

    public bool IsConfigured => Settings.IsConfigured;

    public string DefaultModel => Settings.DefaultModel ?? "default";

    public IChatClient GetChatClient(string model) =>
        _clients.GetOrAdd(model, m => new ProviderChatClient(CreateChatClient(m), Settings, m));

    public async Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken)
    {
        var failure = ProviderFailure.Begin();
        try
        {
            return await ListModelsCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not SpellException && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            throw ProviderErrors.Map(Settings, "models", ex, failure);
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract IChatClient CreateChatClient(string model);

    protected abstract Task<IReadOnlyList<string>> ListModelsCoreAsync(CancellationToken cancellationToken);
}
