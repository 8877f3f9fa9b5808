using LlmSpell.Errors;

namespace LlmSpell.Functions.Queues;

/// <summary>A queue-triggered spell failed and its message should be tried again.</summary>
public sealed class SpellQueueRetryException : Exception
{
    public SpellQueueRetryException(string spell, SpellError error) : base($"queue spell {spell} failed; the queue will retry it: {error}") => Error = error;

    public SpellQueueRetryException() { }

    public SpellQueueRetryException(string message) : base(message) { }

    public SpellQueueRetryException(string message, Exception innerException) : base(message, innerException) { }

    public SpellError? Error { get; }
}
