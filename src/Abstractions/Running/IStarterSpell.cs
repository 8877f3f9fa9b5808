namespace LlmSpell.Running;

/// <summary>
/// An engine's first spell for <c>llmspell new</c>: it reads <c>input.topic</c>, asks the model about
/// it, logs, and returns <c>{ topic, facts }</c>, the same in every language, so a new spell starts
/// from code that runs and shows the API's shape.
/// </summary>
public interface IStarterSpell
{
    string StarterSource { get; }
}
