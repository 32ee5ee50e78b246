namespace PaymentActors.Cli.Api;

/// <summary>An order as GET /orders/{id} shows it (the fields the auditor needs).</summary>
internal sealed record OrderView(string Id, string UserId, string Status, decimal TotalAmount, string? Currency, string? PaymentId);
