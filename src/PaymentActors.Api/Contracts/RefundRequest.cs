using System.ComponentModel;
using System.Text.Json;

namespace PaymentActors.Api.Contracts;

/// <summary>Body of <c>POST /payments/{id}/refunds</c>; both fields are optional and the body may be left out.</summary>
public sealed record RefundRequest(
    [property: Description("Amount to return, in the payment's currency, as a JSON number or string (\"25.00\"). Left out: whatever is still refundable.")]
    JsonElement? Amount,
    [property: Description("Optional free text, at most 1024 characters.")]
    string? Reason);
