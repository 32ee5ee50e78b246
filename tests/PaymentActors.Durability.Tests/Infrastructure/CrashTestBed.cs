using System.Diagnostics;
using System.Globalization;
using Orleans.TestingHost;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Durability.Tests.Infrastructure;

/// <summary>One payment of a crash test: its id, whose wallet pays, how much.</summary>
public sealed record CrashPayment(string Id, string UserId, decimal Amount)
{
    public PaymentRequest Request => new(UserId, "service-456", TestMoney.Usd(Amount.ToString(CultureInfo.InvariantCulture)), "crash test");
}

/// <summary>
/// The stage of the silo-crash tests: one silo on the Azure tables, funded wallets, and a gateway slow enough
/// (0.1–0.8 s a charge) that a crash lands while sagas are between their steps. The tests differ in how payments
/// are created and who resumes them; the stage, the crash and the money checks are the same.
/// </summary>
public sealed class CrashTestBed : IAsyncDisposable
{
    public const decimal Deposit = 100.00m;

    private CrashTestBed(CountingGateway gateway, DeploymentCluster cluster, IReadOnlyList<PaymentScenario> users) =>
        (Gateway, Cluster, Users) = (gateway, cluster, users);

    public CountingGateway Gateway { get; }

    public DeploymentCluster Cluster { get; }

    public IClusterClient Grains => Cluster.Client;

    public IReadOnlyList<PaymentScenario> Users { get; }

    public static async Task<CrashTestBed> StartAsync(string connectionString, ITestOutputHelper output, int wallets)
    {
        var gateway = new CountingGateway(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(800));
        var cluster = await new Deployment(connectionString, TimeProvider.System, gateway, output).StartClusterAsync();
        var users = Enumerable.Range(0, wallets).Select(_ => new PaymentScenario(cluster.Client)).ToList();
        foreach (var user in users)
        {
            await user.FundAsync(Deposit.ToString("0.00", CultureInfo.InvariantCulture));
        }

        return new CrashTestBed(gateway, cluster, users);
    }

    /// <summary>
    /// <paramref name="perWallet"/> payments per wallet, dealt round the wallets, of 7.00 upwards by 1.00: ten of them
    /// (7 to 16, 115.00) ask for more than a wallet holds, so some run out of funds.
    /// </summary>
    public IReadOnlyList<CrashPayment> PlanPayments(int perWallet) =>
        Enumerable.Range(0, Users.Count * perWallet)
            .Select(i => new CrashPayment(PaymentScenario.NewPaymentId(), Users[i % Users.Count].UserId, 7.00m + (i % perWallet)))
            .ToList();

    /// <summary>
    /// Waits until the gateway has answered <paramref name="answered"/> charges and is working on
    /// <paramref name="inFlight"/> more, crashes the only silo (see <see cref="DeploymentCluster.CrashSiloAsync"/>) and
    /// starts a new one in its place. <c>SinceCrash</c> runs from the crash, for the tests' timings.
    /// </summary>
    public async Task<(SiloHandle Crashed, SiloHandle NewSilo, Stopwatch SinceCrash)> CrashTheSiloMidSagaAsync(int answered, int inFlight, ITestOutputHelper output)
    {
        await Eventually.UntilAsync(
            () => Task.FromResult((Gateway.Answered, Gateway.InFlight)), g => g.Answered >= answered && g.InFlight >= inFlight, "sagas to be under way");
        var (answeredAtCrash, inFlightAtCrash) = (Gateway.Answered, Gateway.InFlight);
        var crashed = Cluster.Silos.Single();
        var sinceCrash = Stopwatch.StartNew();
        await Cluster.CrashSiloAsync(crashed);
        output.WriteLine($"Crashed the silo with {answeredAtCrash} charges answered and {inFlightAtCrash} in flight.");
        var newSilo = await Cluster.StartSiloAsync();
        output.WriteLine($"A new silo joined {sinceCrash.Elapsed.TotalSeconds:0.0} s after the crash.");
        return (crashed, newSilo, sinceCrash);
    }

    /// <summary>How many payments the gateway was asked to charge more than once: sagas resumed mid-way after the crash.</summary>
    public int ResumedAtGateway(IEnumerable<CrashPayment> payments) => payments.Count(p => Gateway.ChargeCalls(p.Id) > 1);

    /// <summary>
    /// The wallets that do not match their completed payments: each must have lost exactly what they took and hold
    /// nothing back. Empty when money is conserved wallet by wallet.
    /// </summary>
    public async Task<IReadOnlyList<string>> UnsettledWalletsAsync(IEnumerable<CrashPayment> completed)
    {
        var paidBy = completed.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        var unsettled = new List<string>();
        foreach (var user in Users)
        {
            var wallet = (await Grains.GetGrain<IWalletGrain>(user.UserId).GetAsync())!;
            var paid = paidBy.GetValueOrDefault(user.UserId);
            if (wallet.Reserved != 0 || wallet.Balance != Deposit - paid)
            {
                unsettled.Add($"{user.UserId}: balance {wallet.Balance}, reserved {wallet.Reserved}, completed payments {paid}");
            }
        }

        return unsettled;
    }

    /// <summary>The gateway kept money exactly for the completed payments: one charge each, and none kept for any other.</summary>
    public void AssertChargesKeptOnlyFor(IEnumerable<CrashPayment> payments, IReadOnlySet<string> completed) =>
        Assert.All(payments, p => Assert.True(
            completed.Contains(p.Id) == (Gateway.Charged(p.Id) && !Gateway.Refunded(p.Id)),
            completed.Contains(p.Id) ? $"{p.Id} completed without its one charge" : $"{p.Id} did not complete but kept its charge"));

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
