namespace LlmSpell.Engines.Tengo.Language;

/// <summary>A place in a script, counted from 1 as editors count.</summary>
public readonly record struct SourcePos(int Line, int Column)
{
    public static SourcePos None => default;

    public bool IsKnown => Line > 0;

    public override string ToString() => $"{Line}:{Column}";
}
