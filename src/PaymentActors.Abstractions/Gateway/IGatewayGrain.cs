namespace PaymentActors.Gateway;

/// <summary>
/// One activation per gateway provider (key "mock"). Charges run concurrently; each is idempotent by payment id.
/// </summary>
[Alias("PaymentActors.IGatewayGrain")]
public interface IGatewayGrain : IGrainWithStringKey
{
    [Alias("ChargeAsync")]
    Task<ChargeResult> ChargeAsync(ChargeRequest request);

    /// <summary>Returns money charged at the gateway; true when the gateway approved the refund.</summary>
    [Alias("RefundAsync")]
    Task<bool> RefundAsync(RefundRequest request);

    /// <summary>The adapter's circuit breaker, for GET /gateway and the dashboard.</summary>
    [Alias("GetHealthAsync")]
    Task<GatewayHealth> GetHealthAsync();
}
