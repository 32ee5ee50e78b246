namespace PaymentActors.Gateway;

/// <summary>
/// One activation per gateway provider (key "mock"). Charges run concurrently; each is idempotent by payment id.
/// </summary>
[Alias("PaymentActors.IGatewayGrain")]
public interface IGatewayGrain : IGrainWithStringKey
{
    [Alias("ChargeAsync")]
    Task<ChargeResult> ChargeAsync(ChargeRequest request);
}
