using Microsoft.Extensions.Logging;

namespace LlmSpell.Orchestrations.Runtime;

/// <summary>Drops log calls made while orchestrator code replays, so each message appears once.</summary>
internal sealed class ReplaySafeLogger(ILogger inner, OrchestrationContext context) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!context.IsReplaying)
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
