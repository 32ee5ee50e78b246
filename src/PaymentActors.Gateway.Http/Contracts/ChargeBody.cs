namespace PaymentActors.Gateway.Http.Contracts;

/// <summary><c>POST /charges</c>; the amount is a string with the currency's decimals ("100.50").</summary>
internal sealed record ChargeBody(string PaymentId, string UserId, string Amount, string Currency);
