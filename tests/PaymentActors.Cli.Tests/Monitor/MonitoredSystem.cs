using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using PaymentActors.MockGateway;
using PaymentActors.Testing;
using PaymentActors.Testing.Processes;

namespace PaymentActors.Cli.Tests.Monitor;

/// <summary>
/// The system as an operator runs it: the API in its own process (JSON console logs, debug level for our own
/// categories, so its output can be checked too), the HTTP mock gateway, and a tmux terminal to run the CLI in.
/// </summary>
public sealed class MonitoredSystem : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private WebApplication? _gateway;

    public ProgramProcess Api { get; private set; } = null!;

    public Uri ApiAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The mock gateway, for its admin routes (POST /admin/behaviour).</summary>
    public HttpClient Gateway { get; private set; } = null!;

    public TmuxTerminal Terminal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _gateway = MockGatewayApp.Create(
        [
            "--urls=http://127.0.0.1:0",
            "--Behaviour:FailRate=0",
            "--Behaviour:LatencyMinMs=0",
            "--Behaviour:LatencyMaxMs=2",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _gateway.StartAsync();
        Gateway = new HttpClient { BaseAddress = new Uri(_gateway.Urls.Single()), Timeout = TimeSpan.FromSeconds(30) };

        ApiAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        Api = ProgramProcess.Start("PaymentActors.Api",
        [
            $"--urls={ApiAddress}",
            $"--Orleans:SiloPort={FreePort()}",
            $"--Orleans:GatewayPort={FreePort()}",
            $"--Orleans:ClusterId=cli-tests-{Guid.NewGuid():N}",
            "--Gateway:Mode=Http",
            $"--PaymentGateway:BaseUrl={Gateway.BaseAddress}",
            "--Logging:Console:FormatterName=json",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:PaymentActors=Debug",
            .. TestTokens.ApiSettings,
        ]);
        Client = TestTokens.Client(ApiAddress, TestTokens.Operator(), TimeSpan.FromSeconds(30));
        await Api.WaitUntilAsync(
            async () => (await Client.GetAsync("health/ready")).StatusCode == HttpStatusCode.OK, StartTimeout, "the API to be ready");
        Terminal = await TmuxTerminal.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (Terminal is not null)
        {
            await Terminal.DisposeAsync();
        }

        Client?.Dispose();
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        Gateway?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.StopAsync();
            await _gateway.DisposeAsync();
        }
    }

    /// <summary>The environment of a shell whose user holds <paramref name="userId"/>'s token (null: no token).</summary>
    public static IReadOnlyDictionary<string, string?> TokenOf(string? userId) =>
        new Dictionary<string, string?> { ["PAYMENTACTORS_TOKEN"] = userId is null ? null : TestTokens.User(userId) };

    /// <summary>The CLI as a person types it.</summary>
    public string Cli(string arguments) => $"dotnet {ProgramProcess.PathOf("PaymentActors.Cli")} {arguments}";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
