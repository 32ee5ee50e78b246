namespace PaymentActors.Cli.Api;

/// <summary>A refund; without an amount the API refunds what is left of the payment.</summary>
internal sealed record RefundBody(decimal? Amount, string Reason);
