using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PaymentActors.Cli.Tests.FakeApi;

/// <summary>
/// Just enough of the PaymentActors HTTP contract, on loopback Kestrel with port 0, to drive the load test
/// end to end: deposits, wallets, payments (202, wait=true, Idempotency-Key), optional refunds and cancel, /metrics.
/// </summary>
public sealed class FakePaymentApi : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopProcessing = new();
    private readonly Task _processing;

    private FakePaymentApi(WebApplication app, FakeLedger ledger, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        _processing = Task.Run(() => ledger.ProcessAsync(_stopProcessing.Token));
    }

    public Uri BaseAddress { get; }

    public static async Task<FakePaymentApi> StartAsync(FakeApiBehaviour behaviour)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var ledger = new FakeLedger(behaviour);
        Map(app, ledger, behaviour);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new FakePaymentApi(app, ledger, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopProcessing.CancelAsync();
        try
        {
            await _processing;
        }
        catch (OperationCanceledException)
        {
            // The processing loop ends by cancellation.
        }

        await _app.DisposeAsync();
        _stopProcessing.Dispose();
    }

    private static void Map(WebApplication app, FakeLedger ledger, FakeApiBehaviour behaviour)
    {
        app.MapPost("/wallets/{userId}/deposits", async (string userId, HttpContext http) =>
        {
            var body = await ReadBodyAsync(http);
            if (!TryAmount(body, "amount", out var amount) || amount <= 0)
            {
                return Error(new FakeError(400, "invalid_amount", "amount must be a positive amount.", "amount"));
            }

            var outcome = ledger.Deposit(userId, amount, Text(body, "currency") ?? "USD", Key(http));
            return Answer(http, outcome, StatusCodes.Status200OK);
        });

        app.MapGet("/wallets/{userId}", (string userId) => ledger.GetWallet(userId) is { } wallet
            ? Ok(wallet, StatusCodes.Status200OK)
            : Error(new FakeError(404, "wallet_not_found", "No such wallet.")));

        app.MapPost("/payments", async (HttpContext http) =>
        {
            var body = await ReadBodyAsync(http);
            if (!TryAmount(body, "amount", out var amount) || amount <= 0)
            {
                return Error(new FakeError(400, "invalid_amount", "amount must be a positive amount.", "amount"));
            }

            var userId = Text(body, "user_id") ?? string.Empty;
            var key = Key(http);
            var outcome = ledger.CreatePayment(
                userId, Text(body, "service_id") ?? string.Empty, amount, Text(body, "currency") ?? "USD", Text(body, "description") ?? string.Empty, key);
            try
            {
                if (outcome.View is null)
                {
                    return Error(outcome.Error!);
                }

                var view = outcome.View;
                if (http.Request.Query["wait"] == "true" && ledger.SettledTask(view.Id) is { } settled)
                {
                    try
                    {
                        await settled.WaitAsync(WaitLimit, http.RequestAborted);
                        view = ledger.GetPayment(view.Id)!;
                        return Answer(http, outcome with { View = view }, StatusCodes.Status200OK);
                    }
                    catch (TimeoutException)
                    {
                        // Still in flight after the wait: answer 202 like the real API.
                    }
                }

                http.Response.Headers.Location = $"/payments/{view.Id}";
                return Answer(http, outcome, StatusCodes.Status202Accepted);
            }
            finally
            {
                if (!outcome.Replayed && outcome.View is not null)
                {
                    ledger.ReleaseKey(userId, key);
                }
            }
        });

        app.MapGet("/payments/{paymentId}", (string paymentId) => ledger.GetPayment(paymentId) is { } payment
            ? Ok(payment, StatusCodes.Status200OK)
            : Error(new FakeError(404, "payment_not_found", "No such payment.")));

        if (behaviour.SupportsRefunds)
        {
            app.MapPost("/payments/{paymentId}/refunds", async (string paymentId, HttpContext http) =>
            {
                var body = await ReadBodyAsync(http);
                decimal? amount = TryAmount(body, "amount", out var requested) ? requested : null;
                return Answer(http, ledger.Refund(paymentId, amount), StatusCodes.Status200OK);
            });
        }

        if (behaviour.SupportsCancel)
        {
            app.MapPost("/payments/{paymentId}/cancel", (string paymentId, HttpContext http) =>
                Answer(http, ledger.Cancel(paymentId), StatusCodes.Status200OK));
        }

        if (behaviour.ClientMode)
        {
            app.MapGet("/metrics", () => Results.Text("# TYPE http_server_active_requests gauge\nhttp_server_active_requests 1\n", "text/plain; version=0.0.4"));
            app.MapGet("/metrics/summary", () => Ok(ledger.Summary(), StatusCodes.Status200OK));
        }
        else
        {
            app.MapGet("/metrics", () => Results.Text(ledger.MetricsText(), "text/plain; version=0.0.4"));
        }
    }

    private static IResult Answer<T>(HttpContext http, FakeOutcome<T> outcome, int successStatus)
    {
        if (outcome.Error is { } error)
        {
            return Error(error);
        }

        if (outcome.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return Ok(outcome.View!, successStatus);
    }

    private static IResult Ok<T>(T data, int status) => Results.Json(new { success = true, data }, Json, statusCode: status);

    private static IResult Error(FakeError error) =>
        Results.Json(new { success = false, error = new { code = error.Code, message = error.Message, field = error.Field } }, Json, statusCode: error.Status);

    private static string? Key(HttpContext http) =>
        http.Request.Headers.TryGetValue("Idempotency-Key", out var values) ? values.ToString() : null;

    private static async Task<JsonElement> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength is 0 or null && !http.Request.Headers.ContentType.Any())
        {
            return default;
        }

        using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        return document.RootElement.Clone();
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool TryAmount(JsonElement body, string name, out decimal amount)
    {
        amount = 0;
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(name, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out amount),
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount),
            _ => false,
        };
    }
}
