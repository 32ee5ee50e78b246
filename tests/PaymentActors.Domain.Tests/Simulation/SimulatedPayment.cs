using PaymentActors.Payments;
using PaymentActors.Payments.Decider;

namespace PaymentActors.Domain.Tests.Simulation;

/// <summary>A payment grain as the simulation models it: the decider's state in memory and its last durable copy.</summary>
internal sealed class SimulatedPayment(string id, SimulatedWallet wallet, PaymentRequest request)
{
    public string Id { get; } = id;
    public SimulatedWallet Wallet { get; } = wallet;
    public PaymentRequest Request { get; } = request;
    public PaymentDeciderState Memory { get; set; } = PaymentDeciderState.Empty;
    public PaymentDeciderState? Durable { get; set; }

    /// <summary>The activation is gone: the next message reactivates it from <see cref="Durable"/>.</summary>
    public bool Lost { get; set; }

    /// <summary>A cancel was accepted by this activation: unless it is lost first, the payment must end cancelled.</summary>
    public bool CancelPromised { get; set; }

    public List<string> RefundIds { get; } = [];
    public int RefundsAsked { get; set; }
}
