using System.Text;
using LlmSpell.Errors;

namespace LlmSpell.Running;

/// <summary>What a script prints and logs, counted against <see cref="SandboxLimits.MaxOutputBytes"/>.</summary>
public sealed class SpellOutput(TextWriter writer, long maxBytes)
{
    private readonly Lock _gate = new();
    private long _written;

    public long BytesWritten => Interlocked.Read(ref _written);

    /// <exception cref="SpellException">With code <c>output_limit</c> once the budget is spent; nothing past it is written.</exception>
    public void WriteLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var size = Encoding.UTF8.GetByteCount(text) + 1;
        lock (_gate)
        {
            if (_written + size > maxBytes)
            {
                throw new SpellException(SpellErrorCode.OutputLimit, $"the spell printed more than {maxBytes} bytes");
            }

            _written += size;
            writer.WriteLine(text);
        }
    }

    /// <summary>Counts what the script sends elsewhere (its log entries) against the same budget.</summary>
    /// <exception cref="SpellException">With code <c>output_limit</c> once the budget is spent.</exception>
    public void Charge(long bytes, string what)
    {
        lock (_gate)
        {
            if (_written + bytes > maxBytes)
            {
                throw new SpellException(SpellErrorCode.OutputLimit, $"the spell's prints and {what} passed {maxBytes} bytes");
            }
            _written += bytes;
        }
    }
}
