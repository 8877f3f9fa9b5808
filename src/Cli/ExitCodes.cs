using LlmSpell.Errors;
using LlmSpell.Hosting.Application;

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

    /// <summary>A spell's error as an exit code, by its <see cref="ErrorCategory"/>.</summary>
    public static int For(SpellError error) => ErrorCategories.Of(error) switch
    {
        ErrorCategory.Limit => LimitExceeded,
        ErrorCategory.Cancelled => Cancelled,
        ErrorCategory.Host => HostFailure,
        ErrorCategory.BadRequest => Usage,
        _ => ScriptError,
    };
}
