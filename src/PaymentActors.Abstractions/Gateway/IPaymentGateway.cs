namespace PaymentActors.Gateway;

/// <summary>
/// The port to an external payment gateway. Implementations must be idempotent by payment id (charging the
/// same payment twice returns the first outcome) and must never guess: a call that may have reached the
/// gateway without an answer is <see cref="GatewayStatus.Unknown"/>, to be reconciled with <see cref="GetChargeAsync"/>.
/// </summary>
public interface IPaymentGateway
{
    Task<GatewayResponse> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken);

    /// <summary>What the gateway knows of a payment's charge; <see cref="GatewayStatus.NotFound"/> when it never saw it.</summary>
    Task<GatewayResponse> GetChargeAsync(string paymentId, CancellationToken cancellationToken);

    /// <summary>Returns (part of) a charge; idempotent by refund id.</summary>
    Task<GatewayResponse> RefundAsync(RefundRequest request, CancellationToken cancellationToken);
}
