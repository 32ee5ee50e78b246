using System.Text.Json;
using PaymentActors.Events;
using PaymentActors.FailureRecording;

namespace PaymentActors.Grains.FailureRecording;

/// <summary>Builds seed 000's FailedEvent from a payment.failed event; the id is derived from the event's id.</summary>
internal static class FailedEvents
{
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string IdOf(PaymentEvent failed) => "fe_" + failed.Id["evt_".Length..];

    /// <summary>A failure as the event tells it: its reason, no retries.</summary>
    public static FailedEvent From(PaymentEvent failed) => From(failed, failed.Reason ?? "unknown", FailureRecorderGrain.Source, 0);

    public static FailedEvent From(PaymentEvent failed, string errorMessage, string source, int retryCount) => new(
        Id: IdOf(failed),
        OriginalEvent: JsonSerializer.Serialize(failed, EventJson),
        EventType: failed.Type,
        PaymentId: failed.PaymentId,
        ErrorMessage: errorMessage,
        Source: source,
        RetryCount: retryCount,
        Status: FailedEventStatus.Failed,
        CreatedAt: failed.OccurredAt,
        UpdatedAt: failed.OccurredAt);
}
