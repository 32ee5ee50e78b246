namespace PaymentActors.MockGateway.Authorizations;

/// <summary>The body of <c>POST /authorizations</c>: a charge's fields, held instead of taken.</summary>
public sealed record AuthorizationRequestBody(string? PaymentId, string? UserId, string? Amount, string? Currency, int? Attempt = null);
