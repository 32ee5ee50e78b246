using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using PaymentActors.Hosting;

namespace PaymentActors.Api.Tests;

/// <summary>
/// The addresses a silo of a cluster gives itself, as the silo host configures them (no silo starts): docker-compose's
/// <c>Orleans__AdvertisedIP=auto</c> advertises the container's own address and listens on every interface, which is
/// how silos on a compose network reach each other without published ports; an explicit address is used as it is.
/// </summary>
public sealed class SiloEndpointTests
{
    private static readonly string[] ClusterSilo =
    [
        "--Storage:Provider=AzureTables",
        "--Orleans:SiloPort=11111",
        "--Orleans:GatewayPort=30000",
    ];

    [Fact]
    public void Auto_advertises_this_machines_own_address_and_listens_on_every_interface()
    {
        var endpoints = Endpoints("--Orleans:AdvertisedIP=auto");

        // Orleans resolves the host name, as a container's name resolves to its IP on the compose network.
        var own = Dns.GetHostAddresses(Dns.GetHostName()).Where(a => a.AddressFamily == AddressFamily.InterNetwork).ToList();
        Assert.Contains(endpoints.AdvertisedIPAddress, own);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 11111), endpoints.SiloListeningEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 30000), endpoints.GatewayListeningEndpoint);
        Assert.Equal((11111, 30000), (endpoints.SiloPort, endpoints.GatewayPort));
    }

    [Fact]
    public void An_explicit_address_is_advertised_and_listened_on()
    {
        var endpoints = Endpoints("--Orleans:AdvertisedIP=127.0.0.1");

        Assert.Equal(IPAddress.Loopback, endpoints.AdvertisedIPAddress);
        Assert.Null(endpoints.SiloListeningEndpoint);
        Assert.Equal((11111, 30000), (endpoints.SiloPort, endpoints.GatewayPort));
    }

    [Fact]
    public void Anything_else_is_refused()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Endpoints("--Orleans:AdvertisedIP=somewhere"));

        Assert.Contains("Orleans:AdvertisedIP must be an IP address or 'auto'", failure.Message, StringComparison.Ordinal);
    }

    private static EndpointOptions Endpoints(string advertised)
    {
        var builder = Host.CreateApplicationBuilder([.. ClusterSilo, advertised]);
        builder.AddPaymentActorsSilo();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
    }
}
