namespace PaymentActors.Gateway.Http.Contracts;

/// <summary><c>POST /authorizations</c>: a charge's fields, held instead of taken; idempotent by payment id and attempt.</summary>
internal sealed record AuthorizationBody(string PaymentId, string UserId, string Amount, string Currency, int Attempt);
