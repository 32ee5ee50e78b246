using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PaymentActors.PgPeer;

/// <summary>POST /charges to the project's mock gateway, as the silo's HTTP gateway sends it; the charge id when approved.</summary>
internal sealed class MockGatewayClient(HttpClient http)
{
    public async Task<string?> ChargeAsync(string paymentId, string userId)
    {
        using var response = await http.PostAsJsonAsync("charges", new Dictionary<string, object>
        {
            ["payment_id"] = paymentId,
            ["user_id"] = userId,
            ["amount"] = "1.00",
            ["currency"] = "USD",
            ["attempt"] = 1,
        });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        using var reply = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var root = reply.RootElement;
        return root.TryGetProperty("status", out var status) && status.GetString() == "approved"
            ? root.TryGetProperty("charge_id", out var id) ? id.GetString() ?? paymentId : paymentId
            : null;
    }
}
