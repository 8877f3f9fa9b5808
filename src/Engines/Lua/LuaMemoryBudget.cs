using System.Runtime.InteropServices;

namespace LlmSpell.Engines.Lua;

/// <summary>
/// The allocator of one Lua state. It refuses growth past the budget by returning NULL — Lua then
/// raises "not enough memory" from its own C code — and never throws or raises itself.
/// </summary>
/// <remarks>
/// While the host is inside a callback (pushing a result, building an error table) the budget is
/// suspended: a refusal there would make Lua raise through managed frames, which is undefined
/// behaviour. What the host pushes is bounded by the values it was given, and the next allocation
/// by the spell itself fails once the budget is spent.
/// </remarks>
internal sealed unsafe class LuaMemoryBudget(long limitBytes)
{
    private long _used;

    public long Used => _used;

    public long Limit => limitBytes;

    /// <summary>Set once an allocation was refused; the run then ends with memory_limit.</summary>
    public bool Exceeded { get; private set; }

    /// <summary>Greater than zero while host code runs inside Lua (see remarks).</summary>
    public int HostDepth { get; set; }

    public IntPtr Allocate(IntPtr userData, IntPtr pointer, UIntPtr oldSize, UIntPtr newSize)
    {
        // When pointer is NULL, oldSize encodes the kind of object being created, not a size.
        var previous = pointer == IntPtr.Zero ? 0L : (long)oldSize;
        if (newSize == UIntPtr.Zero)
        {
            if (pointer != IntPtr.Zero)
            {
                NativeMemory.Free((void*)pointer);
                _used -= previous;
            }

            return IntPtr.Zero;
        }

        var growth = (long)newSize - previous;
        if (growth > 0 && _used + growth > limitBytes && HostDepth == 0)
        {
            Exceeded = true;
            return IntPtr.Zero;
        }

        var result = (IntPtr)NativeMemory.Realloc((void*)pointer, newSize);
        if (result == IntPtr.Zero)
        {
            // The machine itself is out of memory. Lua treats NULL as failure (it never asks to shrink
            // and fail), so this is the one honest answer.
            Exceeded = true;
            return IntPtr.Zero;
        }

        _used += growth;
        return result;
    }
}
