using LlmSpell.Errors;

namespace LlmSpell.Running.Bridge;

/// <summary>
/// What one script-to-host conversion may build, charged as it goes. A value with shared parts (a
/// table referenced twice, nested forty times: a DAG, not a cycle) becomes a tree on the host side,
/// exponentially larger than the script's heap, so the script's memory limit alone does not bound it.
/// Every engine charges each node it builds here and stops at the run's memory limit; each
/// conversion from the top (a result, an argument list, a value a getter hands over) has its own.
/// </summary>
public sealed class ConversionBudget(long maxBytes)
{
    // What .NET spends, measured roughly: an object header and its fields, a string's UTF-16
    // characters, a list's or map's array slots and entries (keys are charged as texts).
    private const long Node = 32;
    private long _used;

    public long Used => _used;

    public void Scalar() => Charge(Node);

    public void Text(int length) => Charge(Node + (2L * length));

    public void Bytes(int length) => Charge(Node + length);

    public void Container(long count) => Charge((2 * Node) + (32L * count));

    /// <exception cref="SpellException">With code <c>memory_limit</c> once the value passes the run's memory limit.</exception>
    public void Charge(long bytes)
    {
        _used += bytes;
        if (_used > maxBytes)
        {
            throw new SpellException(SpellErrorCode.MemoryLimit,
                $"the value passed to the host would take more than {maxBytes / (1024 * 1024)} MiB (a table, list or object that appears many times counts each time)");
        }
    }
}
