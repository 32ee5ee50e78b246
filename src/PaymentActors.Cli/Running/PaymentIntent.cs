using PaymentActors.Cli.Api;
using PaymentActors.Cli.Auditing;

namespace PaymentActors.Cli.Running;

/// <summary>One idempotency key of the run: the body sent under it and every answer, as they arrive.</summary>
internal sealed class PaymentIntent(string idempotencyKey, PaymentBody body)
{
    private readonly Lock _gate = new();
    private readonly List<SubmitResponse> _responses = [];

    public string IdempotencyKey { get; } = idempotencyKey;

    public PaymentBody Body { get; } = body;

    /// <summary>The latest view of the payment the key produced, or null while none is known.</summary>
    public PaymentView? LastSeen { get; private set; }

    public bool IsAccepted
    {
        get
        {
            lock (_gate)
            {
                return LastSeen is not null;
            }
        }
    }

    /// <summary>True once the API refused the key for good (validation, ...): no payment exists.</summary>
    public bool IsRejected
    {
        get
        {
            lock (_gate)
            {
                return LastSeen is null && _responses.Any(r => r.Kind is SubmitKind.Original or SubmitKind.Retry && r.DefinitelyRejected);
            }
        }
    }

    public void Record(SubmitKind kind, decimal amount, ApiResponse<PaymentView> response)
    {
        var paymentId = response.IsSuccess ? response.Data!.Id : null;
        lock (_gate)
        {
            _responses.Add(new SubmitResponse(kind, amount, response.StatusCode, paymentId, response.Replayed, response.Error?.Code));
            if (kind != SubmitKind.DifferentBody && response.IsSuccess && !string.IsNullOrEmpty(paymentId) && LastSeen is null)
            {
                LastSeen = response.Data;
            }
        }
    }

    public void Observe(PaymentView payment)
    {
        lock (_gate)
        {
            LastSeen = payment;
        }
    }

    public SentPayment ToSentPayment()
    {
        lock (_gate)
        {
            return new SentPayment(IdempotencyKey, Body.UserId, Body.Amount, Body.Currency, _responses.ToArray());
        }
    }
}
