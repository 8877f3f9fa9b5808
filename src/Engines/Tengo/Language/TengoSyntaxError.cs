namespace LlmSpell.Engines.Tengo.Language;

/// <summary>One problem found while scanning, parsing or compiling, with where it is.</summary>
public sealed record TengoSyntaxError(SourcePos Pos, string Message)
{
    public override string ToString() => $"{Pos}: {Message}";
}
