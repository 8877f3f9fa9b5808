using LlmSpell.Errors;

namespace LlmSpell.Cli;

/// <summary>Process exit codes; scripts calling llmspell branch on these.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The spell failed: syntax error, uncaught error, bad API call.</summary>
    public const int ScriptError = 1;

    /// <summary>The command line was wrong: unknown option, missing file, unknown engine, bad input.</summary>
    public const int Usage = 2;

    /// <summary>The spell hit a sandbox limit (time, instructions, memory, recursion, output).</summary>
    public const int LimitExceeded = 3;

    /// <summary>The host failed (state store, LLM provider, internal error); retrying may help.</summary>
    public const int HostFailure = 4;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;

    public static int For(SpellError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            _ when error.IsLimit => LimitExceeded,
            SpellErrorCode.Cancelled => Cancelled,
            SpellErrorCode.HostError or SpellErrorCode.StateError or SpellErrorCode.LlmError or SpellErrorCode.LlmAuth or SpellErrorCode.LlmRateLimited => HostFailure,
            _ => ScriptError,
        };
    }
}
