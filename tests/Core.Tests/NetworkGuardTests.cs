using System.Net;
using LlmSpell.Tools.BuiltIn;
using Xunit;

namespace LlmSpell.Tests;

public sealed class NetworkGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::127.0.0.1")]                 // IPv4-compatible
    [InlineData("::169.254.169.254")]
    [InlineData("64:ff9b::7f00:1")]             // NAT64 of 127.0.0.1
    [InlineData("64:ff9b::a9fe:a9fe")]          // NAT64 of the metadata service
    [InlineData("64:ff9b:1::a00:1")]            // local-use NAT64 of 10.0.0.1
    [InlineData("2002:7f00:1::1")]              // 6to4 of 127.0.0.1
    [InlineData("2002:c0a8:101::")]             // 6to4 of 192.168.1.1
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")] // Teredo hides its IPv4 address
    public void Host_network_addresses_are_private(string address) => Assert.True(NetworkGuard.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("1.1.1.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("64:ff9b::808:808")]            // NAT64 of 8.8.8.8
    [InlineData("2002:808:808::1")]             // 6to4 of 8.8.8.8
    public void Public_addresses_are_not(string address) => Assert.False(NetworkGuard.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("api.example.com", "*.example.com", true)]
    [InlineData("example.com", "*.example.com", false)]
    [InlineData("evil-example.com", "*.example.com", false)]
    [InlineData("API.Example.com", "api.example.com", true)]
    [InlineData("anything.org", "*", true)]
    public void Hosts_match_the_allow_list(string host, string pattern, bool allowed) =>
        Assert.Equal(allowed, NetworkGuard.IsAllowedHost(host, [pattern]));

    [Fact]
    public void The_machines_own_interface_addresses_count_as_its_own()
    {
        var own = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(u => u.Address).ToList();
        Assert.NotEmpty(own);
        Assert.All(own, address => Assert.True(NetworkGuard.IsOwnAddress(address), address.ToString()));
        Assert.False(NetworkGuard.IsOwnAddress(IPAddress.Parse("8.8.8.8")));
    }
}
