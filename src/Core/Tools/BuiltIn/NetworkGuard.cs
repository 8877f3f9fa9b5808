using System.Net;
using System.Net.Sockets;

namespace LlmSpell.Tools.BuiltIn;

/// <summary>
/// Decides which addresses a spell's HTTP request may connect to. The check runs on the resolved
/// address at connect time, so a public name that resolves to 127.0.0.1 or to the cloud metadata
/// service is refused just like the address itself.
/// </summary>
public static class NetworkGuard
{
    private static readonly (IPAddress Network, int Prefix)[] BlockedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),        // "this" network
        (IPAddress.Parse("10.0.0.0"), 8),       // private
        (IPAddress.Parse("100.64.0.0"), 10),    // carrier-grade NAT
        (IPAddress.Parse("127.0.0.0"), 8),      // loopback
        (IPAddress.Parse("169.254.0.0"), 16),   // link-local, incl. 169.254.169.254 metadata
        (IPAddress.Parse("172.16.0.0"), 12),    // private
        (IPAddress.Parse("192.0.0.0"), 24),     // IETF protocol assignments
        (IPAddress.Parse("192.168.0.0"), 16),   // private
        (IPAddress.Parse("198.18.0.0"), 15),    // benchmarking
        (IPAddress.Parse("224.0.0.0"), 4),      // multicast
        (IPAddress.Parse("240.0.0.0"), 4),      // reserved, broadcast
    ];

    private static readonly (IPAddress Network, int Prefix)[] BlockedV6 =
    [
        (IPAddress.Parse("::"), 128),           // unspecified
        (IPAddress.Parse("::1"), 128),          // loopback
        (IPAddress.Parse("100::"), 64),         // discard-only
        (IPAddress.Parse("2001::"), 32),        // Teredo: the IPv4 address inside is obfuscated, so none is trusted
        (IPAddress.Parse("2001:db8::"), 32),    // documentation
        (IPAddress.Parse("fc00::"), 7),         // unique local (incl. fd00:ec2::254 metadata)
        (IPAddress.Parse("fe80::"), 10),        // link-local
        (IPAddress.Parse("ff00::"), 8),         // multicast
    ];

    // IPv6 forms that carry an IPv4 address, which is what they reach: IPv4-compatible (::a.b.c.d),
    // NAT64 (64:ff9b::/96 and the local-use 64:ff9b:1::/48) and 6to4 (2002::/16, the address after the prefix).
    private static readonly (IPAddress Network, int Prefix, int Offset)[] EmbeddingV4 =
    [
        (IPAddress.Parse("::"), 96, 12),
        (IPAddress.Parse("64:ff9b::"), 96, 12),
        (IPAddress.Parse("64:ff9b:1::"), 48, 12),
        (IPAddress.Parse("2002::"), 16, 2),
    ];

    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && EmbeddedV4(address) is { } inner)
        {
            return IsPrivate(inner);
        }

        var ranges = address.AddressFamily == AddressFamily.InterNetwork ? BlockedV4 : BlockedV6;
        return ranges.Any(range => InRange(address, range.Network, range.Prefix));
    }

    /// <summary>
    /// Whether <paramref name="address"/> is one of this machine's own interface addresses: a service
    /// listening on all interfaces is reachable there even though the address itself is public.
    /// </summary>
    public static bool IsOwnAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return OwnAddresses().Contains(address);
    }

    private static IPAddress? EmbeddedV4(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        foreach (var (network, prefix, offset) in EmbeddingV4)
        {
            // "::" and "::1" are themselves, not IPv4 0.0.0.0 / 0.0.0.1.
            if (InRange(address, network, prefix) && !(prefix == 96 && network.Equals(IPAddress.IPv6Any) && bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0))
            {
                return new IPAddress(bytes.AsSpan(offset, 4));
            }
        }
        return null;
    }

    private static OwnAddressList? _own;

    private sealed record OwnAddressList(HashSet<IPAddress> Addresses, long At);

    /// <summary>The machine's unicast addresses, looked up again every 30 s (interfaces come and go).</summary>
    private static HashSet<IPAddress> OwnAddresses()
    {
        var now = Environment.TickCount64;
        var last = Volatile.Read(ref _own);
        if (last is not null && now - last.At < 30_000)
        {
            return last.Addresses;
        }
        var addresses = last?.Addresses ?? [];
        try
        {
            addresses = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(i => i.GetIPProperties().UnicastAddresses)
                .Select(u => u.Address.IsIPv4MappedToIPv6 ? u.Address.MapToIPv4() : u.Address)
                .ToHashSet();
        }
        catch (System.Net.NetworkInformation.NetworkInformationException)
        {
            // No list today: the ranges above still hold; keep the last list.
        }
        Volatile.Write(ref _own, new OwnAddressList(addresses, now));
        return addresses;
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        if (a.Length != n.Length) return false;
        for (var i = 0; i < a.Length && prefix > 0; i++, prefix -= 8)
        {
            var mask = prefix >= 8 ? 0xFF : (byte)(0xFF << (8 - prefix));
            if ((a[i] & mask) != (n[i] & mask)) return false;
        }

        return true;
    }

    /// <summary>Whether <paramref name="host"/> is on the allow-list (<c>*</c>, <c>*.domain</c> or exact, case-insensitive).</summary>
    public static bool IsAllowedHost(string host, IReadOnlyList<string> allowed) =>
        allowed.Any(pattern =>
            pattern == "*"
            || string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase)
            || (pattern.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)));
}
