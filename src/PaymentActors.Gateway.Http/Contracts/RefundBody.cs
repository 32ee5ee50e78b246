namespace PaymentActors.Gateway.Http.Contracts;

/// <summary><c>POST /refunds</c>: refunds the charge of the payment's attempt.</summary>
internal sealed record RefundBody(string RefundId, string PaymentId, string Amount, string Currency, int Attempt);
