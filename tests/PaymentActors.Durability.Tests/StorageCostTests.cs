using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PaymentActors.AzureTables.Diagnostics;
using PaymentActors.Events;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Durability.Tests;

/// <summary>
/// Counts what a completed payment costs in requests to Azure Tables (through Orleans's providers) on the happy path, one at a time and with 64
/// concurrent clients on one wallet (where group commit batches the wallet's and the recovery partitions' writes).
/// The figures are printed; the assertions are only loose bounds that a regression would cross.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageCostTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Payments = 200;
    private const int ConcurrentClients = 64;

    [Fact]
    public async Task A_completed_payment_costs_a_handful_of_writes_and_fewer_under_concurrency()
    {
        // Production periods: reminders tick once a minute, so none of their ticks fall inside the measurement.
        var deployment = new Deployment(azurite.ConnectionString, TimeProvider.System, new CountingGateway(), output, o =>
        {
            o.ExpiryCheckPeriod = TimeSpan.FromMinutes(1);
            o.RecoveryCheckPeriod = TimeSpan.FromMinutes(1);
            o.RecoveryGracePeriod = TimeSpan.FromSeconds(30);
        });
        await using var cluster = await deployment.StartClusterAsync();
        var grains = cluster.Client;
        using var recorder = new StorageOperationsRecorder(DeploymentCluster.ServicesOf(cluster.Silos.Single()).GetRequiredService<IMeterFactory>());

        // Warm-up, not measured: one payment per recovery partition, so that every partition is active and its reminder registered.
        var warmUp = new PaymentScenario(grains);
        await warmUp.FundAsync("100.00");
        foreach (var partition in Enumerable.Range(0, EventStreams.PartitionCount))
        {
            string id;
            do
            {
                id = PaymentScenario.NewPaymentId();
            }
            while (EventStreams.PartitionOf(id) != partition);

            Assert.Equal(PaymentStatus.Completed, (await warmUp.WaitForEndAsync(await warmUp.StartPaymentAsync("1.00", id))).Status);
        }

        var sequential = await MeasureAsync(grains, recorder, clients: 1);
        var concurrent = await MeasureAsync(grains, recorder, clients: ConcurrentClients);

        output.WriteLine($"Storage requests per completed payment ({Payments} payments, one wallet, Azurite): writes and reads of every service but clustering, then requests by service:");
        output.WriteLine($"{"",-22}{"writes",8}{"reads",8}{"state",8}{"wallets",8}{"reminders",10}{"failed-ev",10}{"clustering",11}{"elapsed",10}");
        Print("sequential (1 client)", sequential);
        Print($"concurrent ({ConcurrentClients} clients)", concurrent);

        foreach (var run in new[] { sequential, concurrent })
        {
            Assert.InRange(PerPayment(run.Counts.Writes()), 1, 10);
            Assert.InRange(PerPayment(run.Counts.Reads()), 0, 3);
            Assert.InRange(PerPayment(run.Counts.Requests(StorageServices.Reminders)), 0, 1);
            Assert.Equal(0, run.Counts.Requests(StorageServices.FailedEvents));
        }

        // The wallet's commits also carry its user's list rows (one per payment, rewritten when it ends) and ledger entries:
        // entities inside the two entity-group transactions a payment already costs (reserve, deduct), no request of their own.
        Assert.Equal(2.0, PerPayment(sequential.Counts.Requests(StorageServices.Wallets)), 2);

        // Batching can only save writes: concurrency never costs more per payment than one at a time.
        Assert.True(concurrent.Counts.Writes() <= sequential.Counts.Writes(), "concurrent payments cost more writes than sequential ones");
    }

    private static async Task<(StorageCounts Counts, TimeSpan Elapsed)> MeasureAsync(IClusterClient grains, StorageOperationsRecorder recorder, int clients)
    {
        var user = new PaymentScenario(grains);
        await user.FundAsync((Payments * 1.00m).ToString("0.00", CultureInfo.InvariantCulture));
        var started = 0;
        var before = recorder.Snapshot();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (Interlocked.Increment(ref started) <= Payments)
            {
                var payment = grains.GetGrain<IPaymentGrain>(await user.StartPaymentAsync("1.00"));
                var ended = await payment.WaitForTerminalAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(PaymentStatus.Completed, ended!.Status);
            }
        }));
        stopwatch.Stop();
        var counts = recorder.Snapshot().Since(before);
        Assert.Equal(0m, (await user.WalletAsync()).Balance);

        // Every payment is listed, ended: the index is complete although it cost no request (read after the count).
        var listed = await user.Wallet.ListAsync(new ListingQuery(ListingRow.Payment), Payments + 1);
        Assert.Equal(Payments, listed.Count);
        Assert.All(listed, row => Assert.Equal("completed", row.Status));
        return (counts, stopwatch.Elapsed);
    }

    private static double PerPayment(long operations) => (double)operations / Payments;

    private void Print(string label, (StorageCounts Counts, TimeSpan Elapsed) run)
    {
        var c = run.Counts;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-22}{PerPayment(c.Writes()),8:0.00}{PerPayment(c.Reads()),8:0.00}" +
            $"{PerPayment(c.Requests(StorageServices.GrainState)),8:0.00}{PerPayment(c.Requests(StorageServices.Wallets)),8:0.00}" +
            $"{PerPayment(c.Requests(StorageServices.Reminders)),10:0.00}{PerPayment(c.Requests(StorageServices.FailedEvents)),10:0.00}" +
            $"{PerPayment(c.Requests(StorageServices.Clustering)),11:0.00}{run.Elapsed.TotalSeconds,9:0.0}s"));
        output.WriteLine("    grain-state writes by state: " + Describe(c.ByState(StorageInstruments.WritesInstrument)) +
                         "; reads by state: " + Describe(c.ByState(StorageInstruments.ReadsInstrument)) +
                         "; wallets: " + Describe(c.ByOperation(StorageServices.Wallets)) +
                         "; reminders: " + Describe(c.ByOperation(StorageServices.Reminders)));
    }

    private static string Describe(IReadOnlyDictionary<string, long> byDetail) =>
        byDetail.Count == 0 ? "none" : string.Join(", ", byDetail.OrderBy(d => d.Key).Select(d => $"{d.Key} {d.Value}"));
}
