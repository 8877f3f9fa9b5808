using System.Net;
using System.Net.Sockets;

namespace LlmSpell.Testing;

/// <summary>Ports for servers a test starts: ones the system has just found free on loopback.</summary>
public static class LoopbackPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
