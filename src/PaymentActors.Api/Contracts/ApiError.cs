using System.ComponentModel;

namespace PaymentActors.Api.Contracts;

/// <summary>What went wrong, in a form a program can act on.</summary>
public sealed record ApiError(
    [property: Description("Stable machine-readable code: validation_error, wallet_not_found, payment_not_found, failed_event_not_found, idempotency_key_in_use, payment_not_cancellable, payment_not_refundable, failed_event_not_retryable, failed_event_not_failed, idempotency_key_reused, currency_mismatch, refund_exceeds_payment, refund_declined, unsupported_media_type, not_found, method_not_allowed, service_unavailable, internal_error.")]
    string Code,
    [property: Description("Human-readable explanation; the wording may change.")]
    string Message,
    [property: Description("The request field, query parameter or header to blame, or null.")]
    string? Field = null);
