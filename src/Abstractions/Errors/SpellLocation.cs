namespace LlmSpell.Errors;

/// <summary>Where in a script something happened. Lines and columns count from 1; 0 means unknown.</summary>
public sealed record SpellLocation(string File, int Line, int Column = 0)
{
    public override string ToString() => Column > 0 ? $"{File}:{Line}:{Column}" : Line > 0 ? $"{File}:{Line}" : File;
}
