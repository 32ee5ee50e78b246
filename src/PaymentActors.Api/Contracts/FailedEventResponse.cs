using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaymentActors.FailureRecording;

namespace PaymentActors.Api.Contracts;

/// <summary>Seed 000's FailedEvent: a payment that failed, what failed, how often it was retried and where it stands.</summary>
public sealed record FailedEventResponse(
    [property: Description("\"fe_\" followed by 32 hex digits; ids sort by creation time.")]
    string Id,
    [property: Description("The payment.failed event as it was recorded: a JSON object with snake_case fields (id, type, payment_id, user_id, amount, currency, occurred_at, reason); its amount is a string like every amount here.")]
    JsonNode OriginalEvent,
    [property: Description("The recorded event's type, e.g. payment.failed.")]
    string EventType,
    string PaymentId,
    [property: Description("What went wrong, e.g. insufficient_funds or the gateway's error.")]
    string ErrorMessage,
    [property: Description("What recorded the failure, e.g. payment-saga, or the saga step (charge, reserve) that ran out of retries.")]
    string Source,
    [property: Description("How often the payment was re-driven for this failure (automatic step retries or operator retries).")]
    int RetryCount,
    [property: Description("failed (may be retried if the reason is technical), retried (a retry is under way) or resolved (the retry completed the payment).")]
    string Status,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static FailedEventResponse From(FailedEvent failed) => new(
        failed.Id,
        ParseOriginal(failed.OriginalEvent),
        failed.EventType,
        failed.PaymentId,
        failed.ErrorMessage,
        failed.Source,
        failed.RetryCount,
        ToWireName(failed.Status),
        failed.CreatedAt.UtcDateTime,
        failed.UpdatedAt.UtcDateTime);

    public static string ToWireName(FailedEventStatus status) => status switch
    {
        FailedEventStatus.Failed => "failed",
        FailedEventStatus.Retried => "retried",
        FailedEventStatus.Resolved => "resolved",
        _ => "unknown",
    };

    /// <summary>
    /// The store keeps the event as JSON text; it is sent as the object it is (or as the text if it is not JSON), with a
    /// numeric amount turned into the API's string form so that no amount leaves the API as a JSON number.
    /// </summary>
    private static JsonNode ParseOriginal(string originalEvent)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(originalEvent);
        }
        catch (JsonException)
        {
            return JsonValue.Create(originalEvent);
        }

        if (node is JsonObject recorded
            && recorded["amount"] is JsonValue amount && amount.GetValueKind() == JsonValueKind.Number
            && recorded["currency"] is JsonValue currency && currency.GetValueKind() == JsonValueKind.String)
        {
            recorded["amount"] = Money.Money.Format(amount.GetValue<decimal>(), currency.GetValue<string>());
        }

        return node ?? JsonValue.Create(originalEvent);
    }
}
