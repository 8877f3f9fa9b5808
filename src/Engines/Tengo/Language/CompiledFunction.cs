namespace LlmSpell.Engines.Tengo.Language;

/// <summary>The code of one function (or of a whole script or module); immutable and shareable between runs.</summary>
internal sealed class CompiledFunction(string file, int[] instructions, SourcePos[] positions, int numLocals, int numParameters, bool varArgs, int maxStack)
{
    public string File { get; } = file;

    /// <summary>The constant pool shared by every function compiled with this one.</summary>
    public TengoObject[] Constants { get; set; } = [];

    public int[] Instructions { get; } = instructions;

    /// <summary>The source position of every slot of <see cref="Instructions"/>, operands included.</summary>
    public SourcePos[] Positions { get; } = positions;

    public int NumLocals { get; } = numLocals;

    public int NumParameters { get; } = numParameters;

    public bool VarArgs { get; } = varArgs;

    /// <summary>The most stack slots the function needs above its locals.</summary>
    public int MaxStack { get; } = maxStack;

    public SourcePos PositionAt(int ip) => ip >= 0 && ip < Positions.Length ? Positions[ip] : SourcePos.None;
}
