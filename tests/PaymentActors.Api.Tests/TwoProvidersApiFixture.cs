using Microsoft.AspNetCore.Builder;
using PaymentActors.MockGateway;

namespace PaymentActors.Api.Tests;

/// <summary>The API with two HTTP providers, as <c>./run.sh</c> starts it: mock-a (card, first) and mock-b (card, paypal).</summary>
public sealed class TwoProvidersApiFixture : ApiFixture
{
    private WebApplication? _mockA;
    private WebApplication? _mockB;

    protected override IEnumerable<string> Settings =>
    [
        "--Gateway:Mode=Http",
        $"--PaymentGateway:Providers:mock-a:BaseUrl={_mockA!.Urls.Single()}",
        "--PaymentGateway:Providers:mock-a:Methods=card",
        "--PaymentGateway:Providers:mock-a:Priority=1",
        $"--PaymentGateway:Providers:mock-b:BaseUrl={_mockB!.Urls.Single()}",
        "--PaymentGateway:Providers:mock-b:Methods=card,paypal",
        "--PaymentGateway:Providers:mock-b:Priority=2",
    ];

    protected override async Task StartDependenciesAsync()
    {
        _mockA = await StartMockAsync();
        _mockB = await StartMockAsync();
    }

    protected override async Task StopDependenciesAsync()
    {
        foreach (var mock in new[] { _mockA, _mockB })
        {
            if (mock is not null)
            {
                await mock.StopAsync();
                await mock.DisposeAsync();
            }
        }
    }

    private static async Task<WebApplication> StartMockAsync()
    {
        var app = MockGatewayApp.Create([
            "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            "--Behaviour:FailRate=0", "--Behaviour:LatencyMinMs=0", "--Behaviour:LatencyMaxMs=0"]);
        await app.StartAsync();
        return app;
    }
}
