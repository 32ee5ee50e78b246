using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PaymentActors.Events;
using PaymentActors.FailureRecording;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Durability.Tests;

/// <summary>
/// The whole cluster stops and a new one starts on the same Azure tables: everything a client was told survives,
/// and the work that was still open (a reservation, its payment) carries on in the new cluster.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RestartTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ReservationTtl = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task A_new_cluster_finds_balances_reservations_payments_and_failed_events_and_expires_the_open_reservation()
    {
        var clock = new FakeTimeProvider(Start);
        var gateway = new CountingGateway();
        var deployment = new Deployment(azurite.ConnectionString, clock, gateway, output);
        string rich, poor, stuck;
        string completed, noFunds, declined = PaymentScenario.NewPaymentId(), open = PaymentScenario.NewPaymentId();
        gateway.Decline(declined);
        gateway.NeverAnswer(open);
        Dictionary<string, WalletSnapshot> walletsBefore;
        Dictionary<string, (PaymentSnapshot Payment, IReadOnlyList<PaymentEvent> Events)> paymentsBefore;
        IReadOnlyList<FailedEvent> failedBefore;

        await using (var first = await deployment.StartClusterAsync())
        {
            var richUser = new PaymentScenario(first.Client);
            var poorUser = new PaymentScenario(first.Client);
            var stuckUser = new PaymentScenario(first.Client);
            (rich, poor, stuck) = (richUser.UserId, poorUser.UserId, stuckUser.UserId);
            await richUser.FundAsync("100.00");
            await poorUser.FundAsync("10.00");
            await stuckUser.FundAsync("50.00");

            var paid = await richUser.PayAsync("30.00");
            Assert.Equal(PaymentStatus.Completed, paid.Status);
            completed = paid.Id;

            var refused = await poorUser.PayAsync("25.00");
            Assert.Equal((PaymentStatus.Failed, FailureReasons.InsufficientFunds), (refused.Status, refused.FailureReason));
            noFunds = refused.Id;

            var rejected = await richUser.WaitForEndAsync(await richUser.StartPaymentAsync("20.00", declined));
            Assert.Equal((PaymentStatus.Failed, FailureReasons.GatewayRejected), (rejected.Status, rejected.FailureReason));

            // The open payment has reserved (durably, before the gateway is asked) and waits for a gateway that never answers.
            await stuckUser.StartPaymentAsync("40.00", open);
            await Eventually.UntilAsync(() => Task.FromResult(gateway.ChargeCalls(open)), calls => calls == 1, "the open payment to reach the gateway");

            var failedEvents = first.Client.GetGrain<IFailedEventsGrain>(0);
            failedBefore = await Eventually.UntilAsync(
                () => failedEvents.ListAsync(new FailedEventQuery()), list => list.Count == 2, "both failures to be recorded");

            walletsBefore = new Dictionary<string, WalletSnapshot>();
            foreach (var user in new[] { rich, poor, stuck })
            {
                walletsBefore[user] = (await first.Client.GetGrain<IWalletGrain>(user).GetAsync())!;
            }

            paymentsBefore = new Dictionary<string, (PaymentSnapshot, IReadOnlyList<PaymentEvent>)>();
            foreach (var paymentId in new[] { completed, noFunds, declined, open })
            {
                var payment = first.Client.GetGrain<IPaymentGrain>(paymentId);
                paymentsBefore[paymentId] = ((await payment.GetAsync())!, await payment.GetEventsAsync());
            }

            await first.StopAsync();
        }

        var held = Assert.Single(walletsBefore[stuck].Reservations);
        Assert.Equal((open, 40.00m, Start + ReservationTtl), (held.PaymentId, held.Amount, held.ExpiresAt));
        Assert.Equal(PaymentStatus.Processing, paymentsBefore[open].Payment.Status);

        await using var second = await deployment.StartClusterAsync();
        var grains = second.Client;

        // Before anything touches the wallet in this cluster: its expiry reminder is still in the reminder table.
        var reminders = DeploymentCluster.ServicesOf(second.Silos[0]).GetRequiredService<IReminderTable>();
        var stuckReminders = await reminders.ReadRows(grains.GetGrain<IWalletGrain>(stuck).GetGrainId());
        Assert.Contains(stuckReminders.Reminders, r => r.ReminderName == "reservation-expiry");

        foreach (var (user, before) in walletsBefore)
        {
            Assert.Equivalent(before, await grains.GetGrain<IWalletGrain>(user).GetAsync(), strict: true);
        }

        foreach (var paymentId in new[] { completed, noFunds, declined })
        {
            var payment = grains.GetGrain<IPaymentGrain>(paymentId);
            Assert.Equivalent(paymentsBefore[paymentId].Payment, await payment.GetAsync(), strict: true);
            Assert.Equal(paymentsBefore[paymentId].Events, await payment.GetEventsAsync());
        }

        Assert.Equal(failedBefore, await grains.GetGrain<IFailedEventsGrain>(0).ListAsync(new FailedEventQuery()));

        // Only the request and the start are durable for a payment in flight; the new cluster re-runs its idempotent steps
        // (the reservation it finds, the charge the gateway already holds) and is back where it was.
        var openPayment = grains.GetGrain<IPaymentGrain>(open);
        Assert.False((await openPayment.GetAsync())!.Status.IsTerminal());
        await Eventually.UntilAsync(() => Task.FromResult(gateway.ChargeCalls(open)), calls => calls == 2, "the open payment to ask the gateway again");
        var resumed = (await openPayment.GetAsync())!;
        Assert.Equivalent(paymentsBefore[open].Payment with { UpdatedAt = resumed.UpdatedAt }, resumed, strict: true);
        Assert.Equal(paymentsBefore[open].Events, await openPayment.GetEventsAsync());

        // Business time passes the reservation's expiry: the wallet's reminder, now in this cluster, expires it.
        clock.Advance(ReservationTtl + TimeSpan.FromSeconds(1));
        var expired = await Eventually.UntilAsync(openPayment.GetAsync, p => p!.Status.IsTerminal(), "the open reservation to expire");
        Assert.Equal((PaymentStatus.Failed, FailureReasons.ReservationExpired), (expired!.Status, expired.FailureReason));

        var stuckWallet = (await grains.GetGrain<IWalletGrain>(stuck).GetAsync())!;
        Assert.Equal((50.00m, 0m), (stuckWallet.Balance, stuckWallet.Reserved));
        Assert.Empty(stuckWallet.Reservations);
        Assert.Contains(await openPayment.GetEventsAsync(), e => e.Type == EventTypes.ReservationExpired);
        Assert.False(gateway.Charged(open));

        var failedAfter = await Eventually.UntilAsync(
            () => grains.GetGrain<IFailedEventsGrain>(0).ListAsync(new FailedEventQuery()), list => list.Count == 3, "the expiry to be recorded");
        Assert.Equal(open, failedAfter[0].PaymentId);
        Assert.Equal(failedBefore, failedAfter.Skip(1));
    }
}
