namespace PaymentActors.Gateway.Http.Contracts;

/// <summary>
/// <c>POST /charges</c>; the amount is a string with the currency's decimals ("100.50"). The payment id and the
/// attempt are the idempotency key: re-sending them returns the first outcome.
/// </summary>
internal sealed record ChargeBody(string PaymentId, string UserId, string Amount, string Currency, int Attempt);
