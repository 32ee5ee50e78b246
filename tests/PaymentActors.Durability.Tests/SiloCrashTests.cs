using Microsoft.Extensions.DependencyInjection;
using PaymentActors.Events;
using PaymentActors.FailureRecording;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Durability.Tests;

/// <summary>
/// The only silo dies while sagas are between their steps; a new silo joins through the membership table and the
/// recovery partitions' reminders resume every interrupted saga from what it last made durable.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SiloCrashTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Wallets = 6;
    private const int PaymentsPerWallet = 10;

    [Fact]
    public async Task Every_payment_interrupted_by_a_silo_crash_ends_with_money_conserved_and_at_most_one_charge()
    {
        await using var bed = await CrashTestBed.StartAsync(azurite.ConnectionString, output, Wallets);
        var grains = bed.Grains;

        // Every seventh payment is declined by the gateway. All are accepted before the crash.
        var payments = bed.PlanPayments(PaymentsPerWallet);
        var declined = payments.Where((_, i) => i % 7 == 3).Select(p => p.Id).ToList();
        declined.ForEach(bed.Gateway.Decline);
        await Task.WhenAll(payments.Select(p => grains.GetGrain<IPaymentGrain>(p.Id).CreateAsync(p.Request)
            .ContinueWith(created => Assert.Equal(CreatePaymentOutcome.Created, created.Result.Outcome), TaskScheduler.Default)));

        var (crashed, newSilo, sinceCrash) = await bed.CrashTheSiloMidSagaAsync(answered: 8, inFlight: 4, output);

        // Nobody told the membership table: the new silo finds the dead one on its own and declares it so.
        var membership = DeploymentCluster.ServicesOf(newSilo).GetRequiredService<IMembershipTable>();
        await Eventually.UntilAsync(
            async () => (await membership.ReadAllAsync()).Members.Single(m => m.Item1.SiloAddress.Equals(crashed.SiloAddress)).Item1.Status,
            status => status == SiloStatus.Dead,
            "the crashed silo to be declared dead",
            TimeSpan.FromSeconds(30));
        output.WriteLine($"The crashed silo was declared dead {sinceCrash.Elapsed.TotalSeconds:0.0} s after the crash.");

        // Watch the durable state only: reading it activates no payment, so whatever finishes them is the recovery.
        var durable = new DurableState(DeploymentCluster.ServicesOf(newSilo), grains);
        await Eventually.UntilAsync(
            async () => (await Task.WhenAll(payments.Select(p => durable.PaymentAsync(p.Id)))).Count(s => !s.Status.IsTerminal()),
            unfinished => unfinished == 0,
            "every payment to end after the crash",
            TimeSpan.FromSeconds(60));
        output.WriteLine($"Every payment had a durable ending {sinceCrash.Elapsed.TotalSeconds:0.0} s after the crash.");

        var ended = new Dictionary<string, PaymentSnapshot>();
        foreach (var payment in payments)
        {
            ended[payment.Id] = (await grains.GetGrain<IPaymentGrain>(payment.Id).GetAsync())!;
        }

        var completed = payments.Where(p => ended[p.Id].Status == PaymentStatus.Completed).ToList();
        var failed = payments.Where(p => ended[p.Id].Status == PaymentStatus.Failed).ToList();
        var resumedAtGateway = bed.ResumedAtGateway(payments);
        output.WriteLine($"{completed.Count} completed, {failed.Count} failed; {resumedAtGateway} charges were asked again after the crash.");
        Assert.Equal(payments.Count, completed.Count + failed.Count);
        Assert.True(resumedAtGateway > 0, "no saga was resumed mid-way: the crash came too late to test anything");

        // Money is conserved wallet by wallet (what left is exactly what the completed payments took, nothing is
        // held) and so in all.
        Assert.Empty(await bed.UnsettledWalletsAsync(completed));
        var balances = 0m;
        foreach (var user in bed.Users)
        {
            balances += (await grains.GetGrain<IWalletGrain>(user.UserId).GetAsync())!.Balance;
        }

        Assert.Equal(Wallets * CrashTestBed.Deposit, balances + completed.Sum(p => p.Amount));

        // The gateway took money exactly once for each completed payment and kept none for a failed one.
        bed.AssertChargesKeptOnlyFor(payments, completed.Select(p => p.Id).ToHashSet());
        Assert.All(declined, id => Assert.Equal(PaymentStatus.Failed, ended[id].Status));

        // Business refusals, or a wallet that stayed out of reach while the dead silo's grains were fenced off: never a guess.
        output.WriteLine("Failure reasons: " + string.Join(", ", failed.GroupBy(p => ended[p.Id].FailureReason).Select(g => $"{g.Key} {g.Count()}")));
        Assert.All(failed, p => Assert.Contains(
            ended[p.Id].FailureReason, new[] { FailureReasons.InsufficientFunds, FailureReasons.GatewayRejected, FailureReasons.WalletUnavailable }));

        // Every failure is in the failed-event store once, including those that ended around the crash.
        var failedEvents = grains.GetGrain<IFailedEventsGrain>(0);
        await Eventually.UntilAsync(
            async () =>
            {
                var listed = await failedEvents.ListAsync(new FailedEventQuery(Limit: 1000));
                return string.Join(", ", failed.Where(p => listed.All(e => e.PaymentId != p.Id)).Select(p => $"{p.Id} ({ended[p.Id].FailureReason})"));
            },
            unrecorded => unrecorded.Length == 0,
            "a failed event for every failed payment (last observed: the payments without one)");
        var recorded = await failedEvents.ListAsync(new FailedEventQuery(Limit: 1000));
        Assert.Equal(failed.Count, recorded.Count);
    }
}
