using Microsoft.AspNetCore.Builder;
using PaymentActors.MockGateway;
using PaymentActors.Testing.Azurite;

namespace PaymentActors.Api.Tests;

/// <summary>
/// The two dependencies of the Azure fixtures: a real Azurite on a temporary data folder and the HTTP mock gateway in
/// this process (no declines; latency as asked). Disposing stops both and deletes the data.
/// </summary>
public sealed class AzuriteAndMockGateway : IAsyncDisposable
{
    private readonly string _azuriteData;
    private AzuriteProcess? _azurite;
    private WebApplication? _gateway;

    private AzuriteAndMockGateway(string azuriteData) => _azuriteData = azuriteData;

    public string ConnectionString => _azurite!.ConnectionString;

    /// <summary>The mock gateway, for its admin and lookup routes.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <param name="gatewaySettings">More settings for the mock gateway ("--Key=value").</param>
    public static async Task<AzuriteAndMockGateway> StartAsync(string name, int latencyMinMs, int latencyMaxMs, IEnumerable<string>? gatewaySettings = null)
    {
        var started = new AzuriteAndMockGateway(Path.Combine(Path.GetTempPath(), $"paymentactors-{name}-azurite-{Guid.NewGuid():N}"));
        started._azurite = await AzuriteProcess.StartAsync(started._azuriteData);
        started._gateway = MockGatewayApp.Create(
        [
            "--urls=http://127.0.0.1:0",
            "--Behaviour:FailRate=0",
            $"--Behaviour:LatencyMinMs={latencyMinMs}",
            $"--Behaviour:LatencyMaxMs={latencyMaxMs}",
            "--Logging:LogLevel:Default=Warning",
            .. gatewaySettings ?? [],
        ]);
        await started._gateway.StartAsync();
        started.Gateway = new HttpClient { BaseAddress = new Uri(started._gateway.Urls.Single()), Timeout = TimeSpan.FromSeconds(30) };
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.StopAsync();
            await _gateway.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (Directory.Exists(_azuriteData))
        {
            Directory.Delete(_azuriteData, recursive: true);
        }
    }
}
