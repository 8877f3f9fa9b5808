namespace LlmSpell.Values;

/// <summary>The kinds of value that cross the bridge between a script and the host.</summary>
public enum SpellValueKind
{
    Null,
    Bool,
    Int,
    Float,
    String,
    Bytes,
    List,
    Map,

    /// <summary>A script function handed to the host (a callback); it lives only as long as its run.</summary>
    Function,
}
