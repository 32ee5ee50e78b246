using PaymentActors.Payments;
using PaymentActors.Testing;

namespace PaymentActors.Grains.Tests.Infrastructure;

/// <summary>
/// A payment of 10.00 from a wallet funded with 100.00, stopped at its charge: the reservation is made and the charge
/// is at the gateway, waiting for the test to open <see cref="Gate"/>. Where tests about what follows an approved
/// charge (its confirm, its ending's write) start, after setting up the fault they are about.
/// </summary>
public sealed record HeldPayment(PaymentScenario Scenario, string PaymentId, IPaymentGrain Grain, TaskCompletionSource Gate)
{
    public static async Task<HeldPayment> StartAsync(GroupCommitClusterFixture fixture)
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var paymentId = PaymentScenario.NewPaymentId();
        var gate = fixture.Gateway.HoldCharge(paymentId);
        await scenario.StartPaymentAsync("10.00", paymentId);
        await Eventually.UntilAsync(() => Task.FromResult(fixture.Gateway.ChargeCalls(paymentId)), n => n == 1, "the charge to be sent after the reservation");
        return new HeldPayment(scenario, paymentId, fixture.Grains.GetGrain<IPaymentGrain>(paymentId), gate);
    }
}
