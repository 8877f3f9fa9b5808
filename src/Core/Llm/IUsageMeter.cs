namespace LlmSpell.Llm;

/// <summary>
/// A second account of tokens and cost beside the run's, with a limit (an agent's or a workflow's
/// budget): told before every model turn and after it, so it can stop the call between turns.
/// </summary>
public interface IUsageMeter
{
    /// <exception cref="Errors.SpellException">To stop the call before the next turn.</exception>
    void BeforeTurn();

    /// <exception cref="Errors.SpellException">To stop the call after this turn.</exception>
    void Add(LlmTurn turn);
}
