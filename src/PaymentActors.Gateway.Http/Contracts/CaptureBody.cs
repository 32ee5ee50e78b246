namespace PaymentActors.Gateway.Http.Contracts;

/// <summary><c>POST /authorizations/{id}/capture</c>; a null amount captures everything authorized.</summary>
internal sealed record CaptureBody(string CaptureId, string? Amount);
