using PaymentActors.Identifiers;

namespace PaymentActors.Api.Validation;

/// <summary>The limits of the API contract on free-form input.</summary>
public static class InputLimits
{
    /// <summary>The one id grammar's bound (<see cref="IdGrammar.MaxLength"/>), for documents.</summary>
    public const int MaxIdLength = IdGrammar.MaxLength;
    public const int MaxDescriptionLength = 1024;
    public const int MaxRefundReasonLength = PaymentActors.Payments.RefundCommand.MaxReasonLength;
    public const int MaxIdempotencyKeyLength = 255;

    /// <summary>JSON nesting deeper than this is refused before any binding; valid bodies are flat.</summary>
    public const int MaxJsonDepth = 16;
}
