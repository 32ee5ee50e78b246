using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using PaymentActors.Testing;

namespace PaymentActors.Api.Tests;

/// <summary>
/// One API process-in-process per test class: Kestrel on a loopback port chosen by the OS, real HTTP, the silo
/// co-hosted with in-memory storage and a gateway that never declines, so outcomes depend only on funds.
/// Authentication is on, with real tokens (<see cref="TestTokens"/>): <see cref="Client"/> is an operator's, who may do
/// everything; tests of a user's rights use <see cref="ClientFor"/>.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>A client with an operator's token.</summary>
    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The running app's services (its grain factory, options, endpoint data source).</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>Every route the app maps, read from its endpoint data sources (so a new route is never missed).</summary>
    public IReadOnlyList<RouteEndpoint> Routes =>
        ((IEndpointRouteBuilder)_app!).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>().ToList();

    /// <summary>Extra command-line settings, later ones winning.</summary>
    protected virtual IEnumerable<string> Settings => [];

    public async Task InitializeAsync()
    {
        await StartDependenciesAsync();
        _app = PaymentActorsApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Orleans:SiloPort={LoopbackPorts.Free()}",
            "--Orleans:GatewayPort=0",
            $"--Orleans:ClusterId=api-tests-{Guid.NewGuid():N}",
            "--PaymentActors:SimulatedGateway:FailureRate=0",
            "--PaymentActors:SimulatedGateway:MinLatency=00:00:00",
            "--PaymentActors:SimulatedGateway:MaxLatency=00:00:00.002",
            "--Logging:LogLevel:Default=Warning",
            .. TestTokens.ApiSettings,
            .. Settings,
        ],
        ConfigureServices);
        await _app.StartAsync();
        BaseAddress = new Uri(SelectBaseAddress(_app.Urls));
        Client = TestTokens.Client(BaseAddress, TestTokens.Operator(), handler: CreateHandler());
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await StopDependenciesAsync();
    }

    /// <summary>A client with the token of user <paramref name="userId"/>; dispose it.</summary>
    public HttpClient ClientFor(string userId) => TestTokens.Client(BaseAddress, TestTokens.User(userId), handler: CreateHandler());

    /// <summary>A client that sends <paramref name="token"/>, or no token at all when null; dispose it.</summary>
    public HttpClient ClientWithToken(string? token) => TestTokens.Client(BaseAddress, token, handler: CreateHandler());

    /// <summary>Of the addresses the app listens on, the API's (the only one unless a fixture adds a management listener).</summary>
    protected virtual string SelectBaseAddress(ICollection<string> urls) => urls.Single();

    /// <summary>The handler of the fixture's clients (one that trusts a test certificate, say); null for the default.</summary>
    protected virtual HttpMessageHandler? CreateHandler() => null;

    /// <summary>Processes the API needs before it starts (Azurite, a gateway); none by default.</summary>
    protected virtual Task StartDependenciesAsync() => Task.CompletedTask;

    protected virtual Task StopDependenciesAsync() => Task.CompletedTask;

    /// <summary>Services added to the app after its own (grain call filters, say).</summary>
    protected virtual void ConfigureServices(WebApplicationBuilder builder)
    {
    }
}
