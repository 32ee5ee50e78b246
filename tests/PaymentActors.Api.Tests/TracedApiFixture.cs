using Microsoft.AspNetCore.Builder;
using OpenTelemetry.Trace;
using PaymentActors.MockGateway;
using PaymentActors.Testing;

namespace PaymentActors.Api.Tests;

/// <summary>
/// The API with the HTTP mock gateway (in-memory grain storage) and an in-memory span exporter: a payment's trace
/// runs from the front door through the grains and over HTTP into the gateway, all recorded in <see cref="Spans"/>
/// (every span sampled, as when exporting).
/// </summary>
public sealed class TracedApiFixture : ApiFixture
{
    private WebApplication? _gateway;

    public RecordedSpans Spans { get; } = new();

    public Uri GatewayAddress { get; private set; } = null!;

    protected override IEnumerable<string> Settings =>
    [
        "--Gateway:Mode=Http",
        $"--PaymentGateway:BaseUrl={GatewayAddress}",
    ];

    protected override async Task StartDependenciesAsync()
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
        GatewayAddress = new Uri(_gateway.Urls.Single());
    }

    protected override async Task StopDependenciesAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.StopAsync();
            await _gateway.DisposeAsync();
        }
    }

    protected override void ConfigureServices(WebApplicationBuilder builder) =>
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.SetSampler(new AlwaysOnSampler()).AddInMemoryExporter(Spans));
}
