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
    public void Host_network_addresses_are_private(string address) => Assert.True(NetworkGuard.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("1.1.1.1")]
    [InlineData("2606:4700:4700::1111")]
    public void Public_addresses_are_not(string address) => Assert.False(NetworkGuard.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("api.example.com", "*.example.com", true)]
    [InlineData("example.com", "*.example.com", false)]
    [InlineData("evil-example.com", "*.example.com", false)]
    [InlineData("API.Example.com", "api.example.com", true)]
    [InlineData("anything.org", "*", true)]
    public void Hosts_match_the_allow_list(string host, string pattern, bool allowed) =>
        Assert.Equal(allowed, NetworkGuard.IsAllowedHost(host, [pattern]));
}
