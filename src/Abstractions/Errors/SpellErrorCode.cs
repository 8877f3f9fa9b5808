namespace LlmSpell.Errors;

/// <summary>
/// The stable, snake_case error codes a script sees as <c>err.code</c> on every engine. Codes are part
/// of the spell API: scripts branch on them, so they never change meaning.
/// </summary>
public static class SpellErrorCode
{
    /// <summary>The script does not parse.</summary>
    public const string SyntaxError = "syntax_error";

    /// <summary>The script raised an error (its own, or a language fault such as calling nil).</summary>
    public const string RuntimeError = "runtime_error";

    /// <summary>An API function was called with a missing or wrongly typed argument.</summary>
    public const string BadArgument = "bad_argument";

    /// <summary>Text given to <c>json.decode</c> (or another JSON input) is not JSON.</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>A named thing (a provider, a model, a file) does not exist.</summary>
    public const string NotFound = "not_found";

    /// <summary>An LLM provider failed or refused the request.</summary>
    public const string LlmError = "llm_error";

    /// <summary>An LLM provider refused the key (missing, wrong, or without access).</summary>
    public const string LlmAuth = "llm_auth";

    /// <summary>An LLM provider kept answering 429 after every retry the host allows.</summary>
    public const string LlmRateLimited = "llm_rate_limited";

    /// <summary>The model's answer is not what was asked for (not JSON, or JSON that breaks the schema).</summary>
    public const string LlmBadOutput = "llm_bad_output";

    /// <summary>An agent or a workflow spent more tokens or money than its token_budget or cost_budget allows.</summary>
    public const string LlmBudgetExceeded = "llm_budget_exceeded";

    /// <summary>An agent was still calling tools when it reached max_turns.</summary>
    public const string AgentMaxTurns = "agent_max_turns";

    /// <summary>The prompt and answer do not fit the model's context window.</summary>
    public const string LlmContextTooLong = "llm_context_too_long";

    /// <summary>The state store could not read or write.</summary>
    public const string StateError = "state_error";

    /// <summary>A tool's network call failed: the name did not resolve, the connection was refused or reset, or the server did not answer in time.</summary>
    public const string NetworkError = "network_error";

    /// <summary>The host failed in a way the script could not have caused; details are in the host log.</summary>
    public const string HostError = "host_error";

    /// <summary>A workflow could not go on: no branch for a condition, too many loop iterations, a failed durable run.</summary>
    public const string WorkflowError = "workflow_error";

    /// <summary>The run was cancelled from outside.</summary>
    public const string Cancelled = "cancelled";

    // Limits. Scripts cannot catch these: once a limit is hit the run ends.
    public const string Timeout = "timeout";
    public const string InstructionLimit = "instruction_limit";
    public const string MemoryLimit = "memory_limit";
    public const string RecursionLimit = "recursion_limit";
    public const string OutputLimit = "output_limit";

    /// <summary>
    /// Not an error: the host ended the run early with a result (a durable workflow step is done, or
    /// a workflow was captured to start). It is final like a limit so the script cannot catch it.
    /// </summary>
    public const string Finished = "finished";

    public static bool IsLimit(string code) => code is Timeout or InstructionLimit or MemoryLimit or RecursionLimit or OutputLimit or Finished;
}
