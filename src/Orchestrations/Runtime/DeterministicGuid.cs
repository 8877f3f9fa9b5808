using System.Security.Cryptography;
using System.Text;

namespace LlmSpell.Orchestrations.Runtime;

/// <summary>The replay-safe GUID every binding hands out: the same instance, time and count give the same GUID.</summary>
internal static class DeterministicGuid
{
    private static readonly Guid Namespace = new("9e952958-5e33-4daf-827f-2fa12937b875");

    public static Guid For(string instanceId, DateTime now, int counter) => NameBased(Namespace, $"{instanceId}_{now:O}_{counter}");

    private static Guid NameBased(Guid namespaceId, string name)
    {
        // RFC 4122 §4.3, version 5: SHA-1 of namespace (network order) + name.
        var namespaceBytes = namespaceId.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
#pragma warning disable CA5350 // RFC 4122 defines version 5 on SHA-1; the hash names an id, it protects nothing.
        var hash = SHA1.HashData([.. namespaceBytes, .. nameBytes]);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
