using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PaymentActors.MockGateway.Behaviour;
using PaymentActors.MockGateway.Diagnostics;
using PaymentActors.MockGateway.Http;

namespace PaymentActors.MockGateway.Tests.Support;

/// <summary>
/// The real mock gateway on a loopback Kestrel port chosen by the OS, in this process. Unless a test says
/// otherwise it approves everything at once (no declines, no latency) with a fixed seed.
/// </summary>
internal sealed class RunningMockGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningMockGateway(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <param name="settings">Extra configuration, as <c>Behaviour:FailRate=0.1</c>.</param>
    public static Task<RunningMockGateway> StartAsync(params string[] settings) => StartAsync(null, settings);

    /// <param name="timeProvider">The gateway's clock (authorization expiry), when a test moves time by hand.</param>
    public static async Task<RunningMockGateway> StartAsync(TimeProvider? timeProvider, params string[] settings)
    {
        string[] defaults =
        [
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            "--Behaviour:FailRate=0",
            "--Behaviour:LatencyMinMs=0",
            "--Behaviour:LatencyMaxMs=0",
            "--Behaviour:Seed=1",
        ];
        var app = MockGatewayApp.Create(
            [.. defaults, .. settings.Select(setting => "--" + setting)],
            services =>
            {
                if (timeProvider is not null)
                {
                    services.AddSingleton(timeProvider);
                }
            });
        await app.StartAsync();
        return new RunningMockGateway(app, new Uri(app.Urls.Single() + "/"));
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static string ChargeJson(string paymentId, string amount = "100.50", string currency = "USD", string userId = "user-1") =>
        $$"""{"payment_id":"{{paymentId}}","user_id":"{{userId}}","amount":"{{amount}}","currency":"{{currency}}"}""";

    public static string AuthorizationJson(string paymentId, string amount = "100.50", string currency = "USD", int attempt = 0) =>
        $$"""{"payment_id":"{{paymentId}}","user_id":"user-1","amount":"{{amount}}","currency":"{{currency}}","attempt":{{attempt}}}""";

    public static string RefundJson(string refundId, string paymentId, string amount, string currency = "USD") =>
        $$"""{"refund_id":"{{refundId}}","payment_id":"{{paymentId}}","amount":"{{amount}}","currency":"{{currency}}"}""";

    public async Task<(int Status, JsonElement Body)> PostAsync(string path, string json)
    {
        using var response = await Client.PostAsync(path, Json(json));
        return ((int)response.StatusCode, await ReadBodyAsync(response));
    }

    public async Task<(int Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        return ((int)response.StatusCode, await ReadBodyAsync(response));
    }

    public async Task<GatewayBehaviour> SetBehaviourAsync(string json)
    {
        using var response = await Client.PostAsync("admin/behaviour", Json(json));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(MockGatewayJsonContext.Default.GatewayBehaviour))!;
    }

    public async Task<GatewayStatsView> GetStatsAsync() =>
        (await Client.GetFromJsonAsync("admin/stats", MockGatewayJsonContext.Default.GatewayStatsView))!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<JsonElement> ReadBodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
