using System.ComponentModel;

namespace PaymentActors.Api.Contracts;

/// <summary>What went wrong, in a form a program can act on.</summary>
public sealed record ApiError(
    [property: Description("Stable machine-readable code (the document lists them all).")]
    string Code,
    [property: Description("Human-readable explanation; the wording may change.")]
    string Message,
    [property: Description("The request field, query parameter or header to blame, or null.")]
    string? Field = null);
