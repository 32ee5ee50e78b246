namespace PaymentActors.Cli.Api;

/// <summary>POST /payments; <paramref name="OrderId"/> names the order it pays (left out when null).</summary>
internal sealed record PaymentBody(string UserId, string ServiceId, decimal Amount, string Currency, string Description, string? OrderId = null);
