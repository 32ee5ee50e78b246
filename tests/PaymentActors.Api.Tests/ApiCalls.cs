using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PaymentActors.Api.Tests;

/// <summary>The API's routes as raw HTTP calls: bodies are sent as written, so tests control every byte.</summary>
public static class ApiCalls
{
    public static Task<HttpResponseMessage> PostJsonAsync(
        this HttpClient client, string path, string body, string? idempotencyKey = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    /// <summary>POST with a body of raw bytes declared as JSON (for bytes that are not valid UTF-8).</summary>
    public static Task<HttpResponseMessage> PostBytesAsync(this HttpClient client, string path, byte[] body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    /// <summary>
    /// For <see cref="SocketsHttpHandler.RequestHeaderEncodingSelector"/>: header values go out as their Latin-1 bytes
    /// when every character fits one byte (so "\u00ff" is the byte 0xFF, which is not UTF-8), otherwise as UTF-8.
    /// HttpClient refuses non-ASCII header values without a selector; both kinds of bytes are valid HTTP (obs-text).
    /// </summary>
    public static Encoding RawHeaderEncoding(string name, HttpRequestMessage request) =>
        request.Headers.TryGetValues(name, out var values) && values.All(v => v.All(c => c <= '\u00ff'))
            ? Encoding.Latin1
            : Encoding.UTF8;

    /// <summary><paramref name="json"/> as UTF-8 with each '§' replaced by the byte 0xFF, which UTF-8 never contains.</summary>
    public static byte[] WithInvalidByte(string json)
    {
        var bytes = new List<byte>();
        foreach (var c in json)
        {
            bytes.AddRange(c == '§' ? [0xFF] : Encoding.UTF8.GetBytes(c.ToString()));
        }

        return [.. bytes];
    }

    public static Task<HttpResponseMessage> DepositAsync(this HttpClient client, string userId, string amount, string currency = "USD", string? idempotencyKey = null) =>
        client.PostJsonAsync($"/wallets/{Uri.EscapeDataString(userId)}/deposits", $$"""{"amount": "{{amount}}", "currency": "{{currency}}"}""", idempotencyKey);

    public static Task<HttpResponseMessage> CreatePaymentAsync(
        this HttpClient client, string userId, string amount, string currency = "USD", bool wait = false, string? idempotencyKey = null, string serviceId = "service-1") =>
        client.PostJsonAsync(
            wait ? "/payments?wait=true" : "/payments",
            JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["user_id"] = userId,
                ["service_id"] = serviceId,
                ["amount"] = amount,
                ["currency"] = currency,
                ["description"] = "test payment",
            }),
            idempotencyKey);

    /// <summary>The body of POST /orders: one line per (product, quantity, unit price), with both addresses.</summary>
    public static string OrderJson(string userId, string currency, params (int ProductId, int Quantity, string UnitPrice)[] items) =>
        $$"""
        {"user_id": "{{userId}}", "currency": "{{currency}}",
         "items": [{{string.Join(",", items.Select(i => $$"""{"product_id": {{i.ProductId}}, "quantity": {{i.Quantity}}, "unit_price": "{{i.UnitPrice}}"}"""))}}],
         {{AddressesJson}}, "notes": "leave at the door"}
        """;

    public const string AddressesJson =
        """
        "shipping_address": {"street": "Av. Principal 123", "city": "Lima", "state": "Lima", "postal_code": "15001", "country": "Peru"},
        "billing_address": {"street": "Av. Principal 123", "city": "Lima", "state": "Lima", "postal_code": "15001", "country": "Peru"}
        """;

    public static Task<HttpResponseMessage> CreateOrderAsync(
        this HttpClient client, string userId, string currency, string? idempotencyKey, params (int ProductId, int Quantity, string UnitPrice)[] items) =>
        client.PostJsonAsync("/orders", OrderJson(userId, currency, items), idempotencyKey);

    /// <summary>POST /payments?wait=true paying an order.</summary>
    public static Task<HttpResponseMessage> PayOrderAsync(this HttpClient client, string userId, string orderId, string amount, string currency = "USD") =>
        client.PostJsonAsync(
            "/payments?wait=true",
            JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["user_id"] = userId,
                ["service_id"] = "shop",
                ["amount"] = amount,
                ["currency"] = currency,
                ["order_id"] = orderId,
            }));

    public static Task<HttpResponseMessage> GetWalletAsync(this HttpClient client, string userId) =>
        client.GetAsync($"/wallets/{Uri.EscapeDataString(userId)}");

    public static Task<HttpResponseMessage> GetPaymentAsync(this HttpClient client, string paymentId) =>
        client.GetAsync($"/payments/{Uri.EscapeDataString(paymentId)}");

    /// <summary>POST /payments/{id}/refunds; a null body sends no body at all (a full refund).</summary>
    public static Task<HttpResponseMessage> RefundAsync(this HttpClient client, string paymentId, string? body = null, string? idempotencyKey = null)
    {
        var path = $"/payments/{Uri.EscapeDataString(paymentId)}/refunds";
        if (body is not null)
        {
            return client.PostJsonAsync(path, body, idempotencyKey);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> CancelAsync(this HttpClient client, string paymentId) =>
        client.PostAsync($"/payments/{Uri.EscapeDataString(paymentId)}/cancel", content: null);

    /// <summary>A fresh user with <paramref name="deposit"/> and a completed payment of <paramref name="amount"/>; returns both ids.</summary>
    public static async Task<(string UserId, string PaymentId)> CompletedPaymentAsync(this HttpClient client, string deposit, string amount)
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await client.DepositAsync(user, deposit), System.Net.HttpStatusCode.OK);
        var payment = await ApiAssert.SuccessAsync(await client.CreatePaymentAsync(user, amount, wait: true), System.Net.HttpStatusCode.OK);
        Assert.Equal("completed", payment.Text("status"));
        return (user, payment.Text("id"));
    }
}
