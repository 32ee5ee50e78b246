namespace PaymentActors.MockGateway.Charges;

/// <summary>
/// The body of <c>POST /charges</c>; everything nullable so that a missing field is a clear 400. <c>attempt</c>
/// (default 0) is part of the idempotency key with the payment id.
/// </summary>
public sealed record ChargeRequestBody(string? PaymentId, string? UserId, string? Amount, string? Currency, int? Attempt = null);
