using LlmSpell.Errors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmSpell.Llm;

/// <summary>
/// Chooses the provider and model for a call and hands back its <see cref="IChatClient"/>. Names are
/// <c>provider/model</c> (<c>anthropic/claude-sonnet-4-5</c>), a bare provider (its default model), or a
/// bare model of the default provider.
/// </summary>
public sealed partial class LlmService
{
    private readonly IReadOnlyList<ILlmProvider> _providers;
    private readonly LlmOptions _options;
    private readonly ILogger _logger;
    private int _mockNoticeShown;

    /// <param name="logger">Where the service tells the user things they should know (a warning once when it falls back to the mock).</param>
    public LlmService(IEnumerable<ILlmProvider> providers, LlmOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _providers = [.. providers];
        if (!_providers.Any(p => p.Name == MockLlmProvider.ProviderName))
        {
            _providers = [.. _providers, new MockLlmProvider()];
        }

        _options = options ?? new LlmOptions();
        _logger = logger ?? NullLogger.Instance;
    }

    public IReadOnlyList<ILlmProvider> Providers => _providers;

    public PriceTable Prices => _options.Prices;

    /// <summary>Whether LLM spans may carry prompt and answer text (an opt-in).</summary>
    public bool RecordPrompts => _options.RecordPrompts;

    /// <summary>The provider used when a call names none.</summary>
    public ILlmProvider DefaultProvider =>
        _options.DefaultModel is { } configured
            ? Find(configured.Split('/', 2)[0]) ?? throw new SpellException(SpellErrorCode.NotFound, $"the configured default model '{configured}' names an unknown provider")
            : _providers.FirstOrDefault(p => p.IsConfigured && p.Name != MockLlmProvider.ProviderName) ?? Find(MockLlmProvider.ProviderName)!;

    public ILlmProvider? Find(string name) => _providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <exception cref="SpellException">With code <c>not_found</c> for an unknown provider, <c>llm_error</c> for an unconfigured one.</exception>
    public LlmTarget Resolve(string? provider, string? model)
    {
        if (model is not null && model.Contains('/', StringComparison.Ordinal))
        {
            var parts = model.Split('/', 2);
            if (provider is not null && !string.Equals(provider, parts[0], StringComparison.OrdinalIgnoreCase))
            {
                throw new SpellException(SpellErrorCode.BadArgument, $"model '{model}' belongs to provider '{parts[0]}', but provider '{provider}' was asked for");
            }

            (provider, model) = (parts[0], parts[1]);
        }

        ILlmProvider chosen;
        if (provider is not null)
        {
            chosen = Find(provider) ?? throw new SpellException(SpellErrorCode.NotFound, $"unknown LLM provider '{provider}' (known: {string.Join(", ", _providers.Select(p => p.Name))})");
        }
        else
        {
            chosen = DefaultProvider;
            model ??= _options.DefaultModel is { } configured && configured.Contains('/', StringComparison.Ordinal) ? configured.Split('/', 2)[1] : null;
        }

        if (!chosen.IsConfigured)
        {
            throw new SpellException(SpellErrorCode.LlmError, $"LLM provider '{chosen.Name}' is not configured (see 'llmspell providers')");
        }

        if (chosen.Name == MockLlmProvider.ProviderName && provider is null && Interlocked.Exchange(ref _mockNoticeShown, 1) == 0)
        {
            LogUsingMock(_logger);
        }

        return new LlmTarget(chosen, model ?? chosen.DefaultModel);
    }

    public static IChatClient GetChatClient(LlmTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Provider.GetChatClient(target.Model);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "no LLM provider is configured; using the offline 'mock' provider, which echoes prompts.")]
    private static partial void LogUsingMock(ILogger logger);
}
