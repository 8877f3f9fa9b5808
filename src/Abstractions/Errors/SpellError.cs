namespace LlmSpell.Errors;

/// <summary>A failure as the script author sees it: a stable code, a message, and where it happened.</summary>
public sealed record SpellError(string Code, string Message, SpellLocation? Location = null, string? ScriptStack = null)
{
    public bool IsLimit => SpellErrorCode.IsLimit(Code);

    public override string ToString() => Location is null ? $"{Code}: {Message}" : $"{Location}: {Code}: {Message}";
}
