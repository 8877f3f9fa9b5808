using LlmSpell.Errors;

namespace LlmSpell.State;

/// <summary>The rules every store applies to scopes and keys, so a key valid in one store is valid in all.</summary>
public static class StateKeys
{
    public const int MaxLength = 512;

    public static void Validate(string scope, string key)
    {
        if (string.IsNullOrEmpty(scope))
        {
            throw new SpellException(SpellErrorCode.BadArgument, "state scope must not be empty");
        }

        if (string.IsNullOrEmpty(key))
        {
            throw new SpellException(SpellErrorCode.BadArgument, "state key must not be empty");
        }

        if (key.Length > MaxLength)
        {
            throw new SpellException(SpellErrorCode.BadArgument, $"state key is {key.Length} characters; the limit is {MaxLength}");
        }

        if (key.Any(char.IsControl))
        {
            throw new SpellException(SpellErrorCode.BadArgument, "state key must not contain control characters");
        }
    }

    public static void RejectFunctions(Values.SpellValue value)
    {
        if (value.Kind == Values.SpellValueKind.Function)
        {
            throw new SpellException(SpellErrorCode.BadArgument, "a function cannot be stored in state");
        }
    }
}
