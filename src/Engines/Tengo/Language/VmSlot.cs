using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LlmSpell.Engines.Tengo.Language;

/// <summary>
/// One slot of the VM's stack or globals. A struct because storing into an array of a class type
/// that has subclasses makes .NET check the stored value's type on every write (array covariance):
/// with <c>TengoObject[]</c> that check was 45 % of the time of fib(35). Storing a struct is a plain write.
/// </summary>
internal readonly struct VmSlot(TengoObject value)
{
    public readonly TengoObject Value = value;

    public static implicit operator VmSlot(TengoObject value) => new(value);

    public static implicit operator TengoObject(VmSlot slot) => slot.Value;

    /// <summary>The slots as the values they hold, for a builtin's arguments; a slot is laid out as its one reference.</summary>
    public static ReadOnlySpan<TengoObject> Values(VmSlot[] slots, int start, int count) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<VmSlot, TengoObject>(ref slots[start]), count);
}
