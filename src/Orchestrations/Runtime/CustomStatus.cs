using System.Text;

namespace LlmSpell.Orchestrations.Runtime;

/// <summary>The one rule for a custom status, whichever engine keeps it: at most 16 KB as JSON.</summary>
internal static class CustomStatus
{
    public const int MaxBytes = 16 * 1024;

    /// <exception cref="ArgumentException">The status is larger than <see cref="MaxBytes"/> as JSON.</exception>
    public static string? Serialize(object? status)
    {
        var serialized = DataConverter.Serialize(status);
        if (serialized is not null && Encoding.UTF8.GetByteCount(serialized) > MaxBytes)
        {
            throw new ArgumentException($"The custom status is {Encoding.UTF8.GetByteCount(serialized)} bytes as JSON; at most {MaxBytes} are allowed.", nameof(status));
        }
        return serialized;
    }
}
