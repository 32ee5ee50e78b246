namespace PaymentActors.Gateway;

/// <summary>
/// The port to an external payment gateway. Implementations must be idempotent by payment id:
/// charging the same payment twice returns the first outcome.
/// </summary>
public interface IPaymentGateway
{
    Task<GatewayResponse> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken);
}
