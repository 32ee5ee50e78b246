using PaymentActors.Payments;

namespace PaymentActors.Durability.Tests;

/// <summary>
/// Payments created and waited on in one call are written once, at their ending: until then their reservation at
/// the wallet (which carries the request) is their only durable record. The only silo dies mid-saga; a new silo
/// joins and the wallets' reminders resume every payment they hold, with no recovery tracker involved.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WaitedPaymentCrashTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Wallets = 4;
    private const int PaymentsPerWallet = 10;

    [Fact]
    public async Task Every_waited_payment_a_silo_crash_interrupts_is_resumed_by_its_wallet_with_money_conserved_and_at_most_one_charge()
    {
        await using var bed = await CrashTestBed.StartAsync(azurite.ConnectionString, output, Wallets);
        var grains = bed.Grains;
        var payments = bed.PlanPayments(PaymentsPerWallet);
        var waits = payments.Select(p => MintedIds.CallAsync(p.Id, () => grains.GetGrain<IPaymentGrain>(p.Id).CreateAndWaitAsync(p.Request, TimeSpan.FromMinutes(1))))
            .ToList();

        // The waiting callers get errors from the crash.
        var (_, newSilo, _) = await bed.CrashTheSiloMidSagaAsync(answered: 6, inFlight: 4, output);
        var answered = 0;
        foreach (var wait in waits)
        {
            try
            {
                answered += (await wait).Outcome == CreatePaymentOutcome.Created ? 1 : 0;
            }
            catch (Exception)
            {
                // Cut off by the crash: the payment's fate is decided by what was durable.
            }
        }

        output.WriteLine($"{answered} payments were answered before the crash.");

        // Watch the durable state only: reading it activates no payment, so whatever finishes them is the wallets' recovery.
        var durable = new DurableState(DeploymentCluster.ServicesOf(newSilo), grains);
        async Task<string> UnsettledAsync()
        {
            var records = await Task.WhenAll(payments.Select(async p => (p, State: await durable.PaymentAsync(p.Id))));
            var unsettled = (await bed.UnsettledWalletsAsync(records.Where(r => r.State.Status == PaymentStatus.Completed).Select(r => r.p))).ToList();
            unsettled.AddRange(records.Where(r => r.State.Request is not null && !r.State.Status.IsTerminal()).Select(r => $"{r.p.Id} {r.State.Status}"));
            return string.Join("; ", unsettled);
        }

        await Eventually.UntilAsync(UnsettledAsync, unsettled => unsettled.Length == 0, "every reservation to end and every wallet to match its completed payments", TimeSpan.FromSeconds(60));

        var ended = await Task.WhenAll(payments.Select(async p => (p.Id, State: await durable.PaymentAsync(p.Id))));
        var completed = ended.Where(e => e.State.Status == PaymentStatus.Completed).Select(e => e.Id).ToHashSet();
        var resumedAtGateway = bed.ResumedAtGateway(payments);
        output.WriteLine($"{completed.Count} completed, {ended.Count(e => e.State.Status == PaymentStatus.Failed)} failed, " +
                         $"{ended.Count(e => e.State.Request is null)} never durable; {resumedAtGateway} charges were asked again after the crash.");
        Assert.True(resumedAtGateway > 0, "no saga was resumed mid-way: the crash came too late to test anything");

        // The gateway kept money exactly for the completed payments; a payment with no record was never charged for good.
        bed.AssertChargesKeptOnlyFor(payments, completed);
    }
}
