namespace LlmSpell.Engines.Tengo.Language;

/// <summary>One line of a runtime error's trace: where a call or the failing instruction is.</summary>
public readonly record struct TengoStackFrame(string File, SourcePos Pos)
{
    public override string ToString() => $"{File}:{Pos}";
}

/// <summary>
/// A runtime error of a script, e.g. <c>invalid operation: int + string</c>. The VM adds the trace
/// (innermost first) as the error leaves it.
/// </summary>
public sealed class TengoRuntimeException : Exception
{
    public TengoRuntimeException()
    {
    }

    public TengoRuntimeException(string message)
        : base(message)
    {
    }

    public TengoRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IReadOnlyList<TengoStackFrame> Trace { get; internal set; } = [];

    /// <summary>The text Tengo prints: <c>Runtime Error: …</c> then one <c>\tat file:line:col</c> per frame.</summary>
    public string Describe() => "Runtime Error: " + Message + string.Concat(Trace.Select(f => $"\n\tat {f}"));
}
