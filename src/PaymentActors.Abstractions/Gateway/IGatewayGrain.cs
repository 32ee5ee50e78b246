namespace PaymentActors.Gateway;

/// <summary>
/// The gateway of one provider (key "mock"), with an activation in every silo that calls it: a charge goes from the
/// payment grain to its own silo's gateway client, never through another silo. Charges run concurrently; each is
/// idempotent by payment id.
/// </summary>
[Alias("PaymentActors.IGatewayGrain")]
public interface IGatewayGrain : IGrainWithStringKey
{
    [Alias("ChargeAsync")]
    Task<ChargeResult> ChargeAsync(ChargeRequest request);

    /// <summary>Returns money charged at the gateway; approved or declined, with the gateway's reference.</summary>
    [Alias("RefundAsync")]
    Task<RefundReply> RefundAsync(RefundRequest request);

    /// <summary>The circuit breaker of the silo this call lands on; <see cref="IClusterGatewayGrain"/> gives every silo's.</summary>
    [Alias("GetHealthAsync")]
    Task<GatewayHealth> GetHealthAsync();
}
