namespace PaymentActors.MockGateway.Authorizations;

/// <summary>A validated capture; a null amount captures everything authorized.</summary>
public sealed record CaptureCommand(string CaptureId, string AuthorizationId, decimal? Amount);
