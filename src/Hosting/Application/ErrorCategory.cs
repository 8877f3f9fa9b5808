using LlmSpell.Errors;

namespace LlmSpell.Hosting.Application;

/// <summary>
/// What kind of failure a spell error is, for those who must act on it: the CLI makes exit codes of
/// these, an HTTP host status codes. One mapping, so every face agrees.
/// </summary>
public enum ErrorCategory
{
    /// <summary>The request was wrong (unknown engine, bad input, bad setting): fix the call. HTTP 400.</summary>
    BadRequest,

    /// <summary>The spell failed: syntax error, uncaught error, bad API call. HTTP 422.</summary>
    Script,

    /// <summary>The spell hit a sandbox limit (time, instructions, memory, recursion, output). HTTP 422.</summary>
    Limit,

    /// <summary>The host or a service it calls failed (state store, LLM provider); retrying may help. HTTP 502/503.</summary>
    Host,

    /// <summary>The caller went away or the host is stopping. HTTP 499.</summary>
    Cancelled,
}

public static class ErrorCategories
{
    public static ErrorCategory Of(SpellError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            _ when error.IsLimit => ErrorCategory.Limit,
            SpellErrorCode.Cancelled => ErrorCategory.Cancelled,
            SpellErrorCode.HostError or SpellErrorCode.StateError or SpellErrorCode.NetworkError or SpellErrorCode.LlmError or SpellErrorCode.LlmAuth or SpellErrorCode.LlmRateLimited => ErrorCategory.Host,
            _ => ErrorCategory.Script,
        };
    }
}
