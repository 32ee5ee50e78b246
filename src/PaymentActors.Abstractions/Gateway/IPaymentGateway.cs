namespace PaymentActors.Gateway;

/// <summary>
/// The port to an external payment gateway. Implementations must be idempotent by payment id and attempt (charging
/// the same attempt twice returns the first outcome) and must never guess: a call that may have reached the gateway
/// without an answer is <see cref="GatewayStatus.Unknown"/>, and the caller re-sends it until the answer is definitive
/// (a lookup's "not found" proves nothing while a request may still be in flight).
/// </summary>
public interface IPaymentGateway
{
    Task<GatewayResponse> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken);

    /// <summary>What the gateway knows of a payment's first charge, for operators; <see cref="GatewayStatus.NotFound"/> when it has no record (yet).</summary>
    Task<GatewayResponse> GetChargeAsync(string paymentId, CancellationToken cancellationToken);

    /// <summary>Returns (part of) a charge; idempotent by refund id.</summary>
    Task<GatewayResponse> RefundAsync(RefundRequest request, CancellationToken cancellationToken);

    /// <summary>Holds an amount; idempotent by payment id and attempt. A gateway without the two-step payment declines it.</summary>
    Task<GatewayResponse> AuthorizeAsync(AuthorizeRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(GatewayResponse.Declined(UnsupportedOperation));

    /// <summary>Takes all or part of an authorization; idempotent by capture id.</summary>
    Task<GatewayResponse> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(GatewayResponse.Declined(UnsupportedOperation));

    /// <summary>Releases an authorization; idempotent.</summary>
    Task<GatewayResponse> VoidAsync(VoidAuthorizationRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(GatewayResponse.Declined(UnsupportedOperation));

    /// <summary>The decline reason of a call a gateway does not offer.</summary>
    const string UnsupportedOperation = "unsupported_operation";
}
