namespace PaymentActors.Cli.Auditing;

/// <summary>An order as the API showed it after the drain (its status takes its payment's outcome into account).</summary>
public sealed record OrderObservation(string OrderId, string UserId, string Status, decimal TotalAmount, string? PaymentId);
