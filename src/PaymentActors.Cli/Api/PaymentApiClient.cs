using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace PaymentActors.Cli.Api;

/// <summary>
/// The PaymentActors HTTP API, one method per route. Never throws for an HTTP status or a lost connection:
/// the load test must record every answer, including the absence of one. Only the caller's token throws.
/// </summary>
internal sealed class PaymentApiClient(HttpClient httpClient, Uri baseAddress, TimeSpan requestTimeout, string? token = null)
{
    private const string IdempotencyKeyHeader = "Idempotency-Key";
    private const string ReplayedHeader = "Idempotent-Replayed";

    public Task<ApiResponse<WalletView>> DepositAsync(string userId, DepositBody body, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync<WalletView>(HttpMethod.Post, $"wallets/{Uri.EscapeDataString(userId)}/deposits", body, idempotencyKey, cancellationToken);

    public Task<ApiResponse<WalletView>> GetWalletAsync(string userId, CancellationToken cancellationToken) =>
        SendAsync<WalletView>(HttpMethod.Get, $"wallets/{Uri.EscapeDataString(userId)}", body: null, idempotencyKey: null, cancellationToken);

    public Task<ApiResponse<PaymentView>> CreatePaymentAsync(PaymentBody body, string idempotencyKey, bool wait, CancellationToken cancellationToken) =>
        SendAsync<PaymentView>(HttpMethod.Post, wait ? "payments?wait=true" : "payments", body, idempotencyKey, cancellationToken);

    public Task<ApiResponse<PaymentView>> GetPaymentAsync(string paymentId, CancellationToken cancellationToken) =>
        SendAsync<PaymentView>(HttpMethod.Get, $"payments/{Uri.EscapeDataString(paymentId)}", body: null, idempotencyKey: null, cancellationToken);

    public Task<ApiResponse<List<PaymentEventView>>> GetEventsAsync(string paymentId, CancellationToken cancellationToken) =>
        SendAsync<List<PaymentEventView>>(HttpMethod.Get, $"payments/{Uri.EscapeDataString(paymentId)}/events", body: null, idempotencyKey: null, cancellationToken);

    public Task<ApiResponse<JsonElement>> RefundAsync(string paymentId, RefundBody body, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"payments/{Uri.EscapeDataString(paymentId)}/refunds", body, idempotencyKey, cancellationToken);

    public Task<ApiResponse<OrderView>> CreateOrderAsync(OrderBody body, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync<OrderView>(HttpMethod.Post, "orders", body, idempotencyKey, cancellationToken);

    public Task<ApiResponse<OrderView>> GetOrderAsync(string orderId, CancellationToken cancellationToken) =>
        SendAsync<OrderView>(HttpMethod.Get, $"orders/{Uri.EscapeDataString(orderId)}", body: null, idempotencyKey: null, cancellationToken);

    public Task<ApiResponse<LedgerPageView>> GetLedgerPageAsync(string userId, string? startingAfter, CancellationToken cancellationToken) =>
        SendAsync<LedgerPageView>(
            HttpMethod.Get,
            $"wallets/{Uri.EscapeDataString(userId)}/ledger?limit=100" + (startingAfter is null ? "" : $"&starting_after={Uri.EscapeDataString(startingAfter)}"),
            body: null, idempotencyKey: null, cancellationToken);

    public Task<ApiResponse<JsonElement>> CancelAsync(string paymentId, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"payments/{Uri.EscapeDataString(paymentId)}/cancel", body: null, idempotencyKey: null, cancellationToken);

    /// <summary>
    /// The whole system's storage writes and completed payments from <c>GET /metrics/summary</c> (every silo asked), or
    /// null when it does not answer them. For a front door that is a client of silo processes, whose own <c>/metrics</c>
    /// holds neither (the silos count them).
    /// </summary>
    public async Task<(double StorageWrites, double CompletedPayments)?> GetClusterFiguresAsync(CancellationToken cancellationToken)
    {
        var summary = await SendAsync<JsonElement>(HttpMethod.Get, "metrics/summary", body: null, idempotencyKey: null, cancellationToken).ConfigureAwait(false);
        return summary.IsSuccess
            && summary.Data.TryGetProperty("storage", out var storage)
            && storage.TryGetProperty("writes", out var writes) && writes.TryGetDouble(out var storageWrites)
            && summary.Data.TryGetProperty("payment_success", out var success) && success.TryGetDouble(out var completed)
            ? (storageWrites, completed)
            : null;
    }

    /// <summary>The Prometheus text of <c>/metrics</c>, or null when the API has none.</summary>
    public async Task<string?> GetMetricsTextAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(requestTimeout);
        try
        {
            using var request = Request(HttpMethod.Get, "metrics");
            using var response = await httpClient.SendAsync(request, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false) : null;
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
        {
            return null;
        }
    }

    private async Task<ApiResponse<T>> SendAsync<T>(HttpMethod method, string relativeUri, object? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = Request(method, relativeUri);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: LoadTestJson.Options);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, idempotencyKey);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(requestTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var content = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var envelope = TryReadEnvelope<T>(content);
            var replayed = response.Headers.TryGetValues(ReplayedHeader, out var values)
                && values.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase));
            return new ApiResponse<T>(
                (int)response.StatusCode, envelope?.Success ?? false, envelope is not null, envelope is null ? default : envelope.Data,
                envelope?.Error, replayed, elapsed, TransportError: null);
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
        {
            var reason = exception is OperationCanceledException ? $"timed out after {requestTimeout.TotalSeconds:0.#} s" : exception.Message;
            return new ApiResponse<T>(0, false, false, default, null, false, Stopwatch.GetElapsedTime(started), reason);
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string relativeUri)
    {
        var request = new HttpRequestMessage(method, new Uri(baseAddress, relativeUri));
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static ApiEnvelope<T>? TryReadEnvelope<T>(byte[] content)
    {
        if (content.Length == 0)
        {
            return null;
        }

        try
        {
            // ProblemDetails and other JSON bodies deserialize too; only success or error makes it the API's envelope.
            var envelope = JsonSerializer.Deserialize<ApiEnvelope<T>>(content, LoadTestJson.Options);
            return envelope is { Success: true } or { Error: not null } ? envelope : null;
        }
        catch (JsonException)
        {
            // A body that is not the API's envelope (an HTML error page, a framework 404) counts as no envelope.
            return null;
        }
    }

    private static bool IsTransportFailure(Exception exception, CancellationToken callerToken) =>
        exception is HttpRequestException or IOException
        || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);
}
