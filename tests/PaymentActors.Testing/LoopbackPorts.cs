using System.Net;
using System.Net.Sockets;

namespace PaymentActors.Testing;

/// <summary>Ports for programs that need a concrete one (Orleans endpoints, Azurite, a silo's metrics).</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// A loopback port the OS says is free now. Nothing listens on it when this returns, so it also serves as a port
    /// where a connection is refused.
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
