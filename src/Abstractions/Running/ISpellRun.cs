using LlmSpell.Api;
using LlmSpell.Errors;
using LlmSpell.Values;

namespace LlmSpell.Running;

/// <summary>
/// One run as its engine sees it: the script, its input, limits and output, the API to bind, the
/// sandbox thread's dispatcher, and the few ways a run ends. The host's side of a run (its state,
/// tools, agents, LLM usage) is not here: an engine never needs it.
/// </summary>
public interface ISpellRun
{
    SpellScript Script { get; }

    SpellValue Input { get; }

    SandboxLimits Limits { get; }

    SpellOutput Output { get; }

    /// <summary>The modules to bind, each function called with this run.</summary>
    SpellApi Api { get; }

    /// <summary>Fires at the deadline or when the caller cancels.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Created on, and owned by, the sandbox thread.</summary>
    SpellDispatcher Dispatcher { get; }

    /// <summary>The limit that ended the run, once one has. Engines stop the script when this is set.</summary>
    SpellError? TrippedLimit { get; }

    /// <summary>Records that a limit was hit; the first one wins. Limits are final: the script cannot catch them.</summary>
    SpellException Trip(SpellError limit);

    /// <summary>The error for a run stopped by <see cref="CancellationToken"/>: a timeout, or the caller's cancellation.</summary>
    SpellException Stopped(SpellLocation? location = null);

    /// <summary>
    /// On the sandbox thread: the result of a host call, waiting for it if it has not finished and
    /// running work posted to the sandbox (callbacks) meanwhile. The run's deadline ends the wait.
    /// </summary>
    SpellValue Await(ValueTask<SpellValue> pending);

    /// <summary>Maps any failure of a host call to the error the script sees.</summary>
    SpellException ToSpellException(Exception exception);
}
