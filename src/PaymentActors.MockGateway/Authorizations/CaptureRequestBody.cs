namespace PaymentActors.MockGateway.Authorizations;

/// <summary>
/// The body of <c>POST /authorizations/{id}/capture</c>, which may be empty. <c>capture_id</c> is the idempotency key
/// (default <c>cap_{authorization id}</c>); <c>amount</c> (default: all) is at most what was authorized.
/// </summary>
public sealed record CaptureRequestBody(string? CaptureId = null, string? Amount = null);
