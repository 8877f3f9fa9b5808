namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// VM instructions. Code is an <c>int[]</c>: each opcode is followed by its operands
/// (<see cref="OpcodeInfo.OperandCount"/>).
/// </summary>
internal enum Opcode
{
    Constant,       // index
    Undefined,
    True,
    False,
    BinaryOp,       // token
    Equal,
    NotEqual,
    Minus,
    Not,
    Complement,
    Jump,           // target
    JumpFalsy,      // target: pops the condition
    AndJump,        // target: keeps a falsy left operand and jumps, else pops it
    OrJump,         // target: keeps a truthy left operand and jumps, else pops it
    Pop,
    GetGlobal,      // index
    SetGlobal,      // index
    GetLocal,       // index
    SetLocal,       // index: writes through a captured cell
    DefineLocal,    // index: a new variable, replacing any captured cell
    ClearLocal,     // index
    GetFree,        // index
    SetFree,        // index
    GetLocalCell,   // index: pushes the cell of a local, making one if needed
    GetFreeCell,    // index
    GetBuiltin,     // index
    Array,          // count
    Map,            // pair count
    Error,
    Immutable,
    Index,
    IndexSet,
    Slice,
    Call,           // argument count, spread flag
    Return,         // 1 when a value is returned
    Closure,        // constant index, free variable count
    IteratorInit,
    IteratorNext,
    IteratorKey,
    IteratorValue,
    Import,         // constant index of the module name
}

internal static class OpcodeInfo
{
    public static int OperandCount(Opcode op) => op switch
    {
        Opcode.Call or Opcode.Closure => 2,
        Opcode.Constant or Opcode.BinaryOp or Opcode.Jump or Opcode.JumpFalsy or Opcode.AndJump or Opcode.OrJump
            or Opcode.GetGlobal or Opcode.SetGlobal or Opcode.GetLocal or Opcode.SetLocal or Opcode.DefineLocal or Opcode.ClearLocal
            or Opcode.GetFree or Opcode.SetFree or Opcode.GetLocalCell or Opcode.GetFreeCell or Opcode.GetBuiltin
            or Opcode.Array or Opcode.Map or Opcode.Return or Opcode.Import => 1,
        _ => 0,
    };

    /// <summary>How the instruction changes the stack height (on the path that falls through).</summary>
    public static int StackEffect(Opcode op, int a, int b) => op switch
    {
        Opcode.Constant or Opcode.Undefined or Opcode.True or Opcode.False or Opcode.GetGlobal or Opcode.GetLocal
            or Opcode.GetFree or Opcode.GetLocalCell or Opcode.GetFreeCell or Opcode.GetBuiltin or Opcode.Import => 1,
        Opcode.BinaryOp or Opcode.Equal or Opcode.NotEqual or Opcode.JumpFalsy or Opcode.AndJump or Opcode.OrJump or Opcode.Pop
            or Opcode.SetGlobal or Opcode.SetLocal or Opcode.DefineLocal or Opcode.SetFree or Opcode.Index => -1,
        Opcode.IndexSet => -3,
        Opcode.Slice => -2,
        Opcode.Array => 1 - a,
        Opcode.Map => 1 - 2 * a,
        Opcode.Call => -a,
        Opcode.Closure => 1 - b,
        Opcode.Return => -a,
        _ => 0,
    };
}
