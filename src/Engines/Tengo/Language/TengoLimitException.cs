namespace LlmSpell.Engines.Tengo.Language;

public enum TengoLimit
{
    Instructions,
    Allocations,
    Frames,
    StringSize,
    Cancelled,

    /// <summary>One native operation (a regular expression) ran longer than it may.</summary>
    Timeout,
}

/// <summary>A limit stopped the script. Unlike a runtime error a script cannot observe or survive it.</summary>
public sealed class TengoLimitException : Exception
{
    public TengoLimitException(TengoLimit limit, string message)
        : base(message)
    {
        Limit = limit;
    }

    public TengoLimitException()
        : this(TengoLimit.Cancelled, "the run was stopped")
    {
    }

    public TengoLimitException(string message)
        : this(TengoLimit.Cancelled, message)
    {
    }

    public TengoLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
        Limit = TengoLimit.Cancelled;
    }

    public TengoLimit Limit { get; }
}
