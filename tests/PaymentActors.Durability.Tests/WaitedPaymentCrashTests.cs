using System.Globalization;
using PaymentActors.Payments;
using PaymentActors.Wallets;

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
    private const decimal Deposit = 100.00m;

    [Fact]
    public async Task Every_waited_payment_a_silo_crash_interrupts_is_resumed_by_its_wallet_with_money_conserved_and_at_most_one_charge()
    {
        var gateway = new CountingGateway(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(800));
        var deployment = new Deployment(azurite.ConnectionString, TimeProvider.System, gateway, output);
        await using var cluster = await deployment.StartClusterAsync();
        var grains = cluster.Client;

        var users = Enumerable.Range(0, Wallets).Select(_ => new PaymentScenario(grains)).ToList();
        foreach (var user in users)
        {
            await user.FundAsync(Deposit.ToString("0.00", CultureInfo.InvariantCulture));
        }

        // Ten payments of 7 to 16 per wallet ask for more than the wallet holds, so some run out of funds.
        var payments = Enumerable.Range(0, Wallets * PaymentsPerWallet)
            .Select(i => (Id: PaymentScenario.NewPaymentId(), users[i % Wallets].UserId, Amount: 7.00m + (i % PaymentsPerWallet)))
            .ToList();
        var waits = payments.Select(p => MintedIds.CallAsync(p.Id, () => grains.GetGrain<IPaymentGrain>(p.Id)
                .CreateAndWaitAsync(new PaymentRequest(p.UserId, "service-456", TestMoney.Usd(p.Amount.ToString(CultureInfo.InvariantCulture)), "crash test"), TimeSpan.FromMinutes(1))))
            .ToList();

        // Crash while the gateway has answered some charges and is still working on others; the waiting callers get errors.
        await Eventually.UntilAsync(
            () => Task.FromResult((gateway.Answered, gateway.InFlight)), g => g.Answered >= 6 && g.InFlight >= 4, "sagas to be under way");
        await cluster.CrashSiloAsync(cluster.Silos.Single());
        var newSilo = await cluster.StartSiloAsync();
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
            var unsettled = new List<string>();
            foreach (var user in users)
            {
                var wallet = (await grains.GetGrain<IWalletGrain>(user.UserId).GetAsync())!;
                var paid = records.Where(r => r.p.UserId == user.UserId && r.State.Status == PaymentStatus.Completed).Sum(r => r.p.Amount);
                if (wallet.Reserved != 0 || wallet.Balance != Deposit - paid)
                {
                    unsettled.Add($"{user.UserId}: balance {wallet.Balance}, reserved {wallet.Reserved}, completed payments {paid}");
                }
            }

            unsettled.AddRange(records.Where(r => r.State.Request is not null && !r.State.Status.IsTerminal()).Select(r => $"{r.p.Id} {r.State.Status}"));
            return string.Join("; ", unsettled);
        }

        await Eventually.UntilAsync(UnsettledAsync, unsettled => unsettled.Length == 0, "every reservation to end and every wallet to match its completed payments", TimeSpan.FromSeconds(60));

        var ended = await Task.WhenAll(payments.Select(async p => (p.Id, State: await durable.PaymentAsync(p.Id))));
        var completed = ended.Where(e => e.State.Status == PaymentStatus.Completed).Select(e => e.Id).ToHashSet();
        var resumedAtGateway = payments.Count(p => gateway.ChargeCalls(p.Id) > 1);
        output.WriteLine($"{completed.Count} completed, {ended.Count(e => e.State.Status == PaymentStatus.Failed)} failed, " +
                         $"{ended.Count(e => e.State.Request is null)} never durable; {resumedAtGateway} charges were asked again after the crash.");
        Assert.True(resumedAtGateway > 0, "no saga was resumed mid-way: the crash came too late to test anything");

        // The gateway kept money exactly for the completed payments; a payment with no record was never charged for good.
        Assert.All(payments, p => Assert.Equal(completed.Contains(p.Id), gateway.Charged(p.Id) && !gateway.Refunded(p.Id)));
    }
}
