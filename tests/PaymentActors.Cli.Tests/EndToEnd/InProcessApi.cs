using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using PaymentActors.Api;
using PaymentActors.Testing;

namespace PaymentActors.Cli.Tests.EndToEnd;

/// <summary>
/// The real API with its co-hosted silo, on a loopback port chosen by the OS: in-memory storage and the simulated
/// gateway declining one charge in ten after a few milliseconds, so a run exercises both endings of the saga.
/// </summary>
public sealed class InProcessApi : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = PaymentActorsApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Orleans:SiloPort={FreeLoopbackPort()}",
            "--Orleans:GatewayPort=0",
            $"--Orleans:ClusterId=loadtest-tests-{Guid.NewGuid():N}",
            "--Storage:Provider=Memory",
            "--PaymentActors:SimulatedGateway:FailureRate=0.1",
            "--PaymentActors:SimulatedGateway:MinLatency=00:00:00.001",
            "--PaymentActors:SimulatedGateway:MaxLatency=00:00:00.005",
            "--Logging:LogLevel:Default=Warning",
            .. TestTokens.ApiSettings,
        ]);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>Orleans needs a concrete silo port; the OS picks one that is free now.</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
