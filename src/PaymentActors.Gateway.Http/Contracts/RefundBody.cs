namespace PaymentActors.Gateway.Http.Contracts;

/// <summary><c>POST /refunds</c>.</summary>
internal sealed record RefundBody(string RefundId, string PaymentId, string Amount, string Currency);
