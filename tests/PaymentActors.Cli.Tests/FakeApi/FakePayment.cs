namespace PaymentActors.Cli.Tests.FakeApi;

internal sealed class FakePayment(string id, string userId, string serviceId, decimal amount, string currency, string description)
{
    public string Id { get; } = id;

    public string UserId { get; } = userId;

    public string ServiceId { get; } = serviceId;

    public decimal Amount { get; } = amount;

    public string Currency { get; } = currency;

    public string Description { get; } = description;

    public string Status { get; set; } = "pending";

    public string? FailureReason { get; set; }

    public decimal RefundedAmount { get; set; }

    public DateTimeOffset CreatedAt { get; } = DateTimeOffset.UtcNow;

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Completes when the payment reaches a terminal status; wait=true awaits it.</summary>
    public TaskCompletionSource Settled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
