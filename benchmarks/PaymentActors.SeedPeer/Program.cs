using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using PaymentActors.SeedPeer;

// The seeds' design as a peer row of ./bench.sh: N workers debit ONE wallet row in the same Azurite, each debit a
// read → check → conditional replace on the ETag → retry on 412, plus a payment record. Prints one JSON object.
var settings = PeerSettings.Parse(args);
var service = new TableServiceClient(settings.ConnectionString);
var wallets = service.GetTableClient("seedwallets");
var payments = service.GetTableClient("seedpayments");
await wallets.CreateIfNotExistsAsync();
await payments.CreateIfNotExistsAsync();

var runId = Guid.NewGuid().ToString("N")[..8];
var warm = new SeedWallet(wallets, payments, "warm-" + runId);
var hot = new SeedWallet(wallets, payments, "hot-" + runId);
const decimal Funding = 10_000_000m;
await warm.CreateAsync(Funding);
await hot.CreateAsync(Funding);

await RunAsync(warm, settings.Warmup, samples: null);
var latencies = new List<double>[settings.Workers];
var started = Stopwatch.GetTimestamp();
var debits = await RunAsync(hot, settings.Duration, latencies);
var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;

var balance = await hot.BalanceAsync();
var all = latencies.SelectMany(l => l).Order().ToArray();
double Percentile(double p) => all.Length == 0 ? 0 : Math.Round(all[Math.Min(all.Length - 1, (int)(p * all.Length))], 1);
var report = new Dictionary<string, object>
{
    ["workers"] = settings.Workers,
    ["seconds"] = Math.Round(elapsed, 2),
    ["debits"] = debits,
    ["debits_per_second"] = Math.Round(debits / elapsed, 1),
    ["p50_ms"] = Percentile(0.50),
    ["p99_ms"] = Percentile(0.99),
    ["p999_ms"] = Percentile(0.999),
    ["conflicts_per_debit"] = debits == 0 ? 0 : Math.Round((double)hot.Conflicts / debits, 2),
    ["storage_requests_per_debit"] = debits == 0 ? 0 : Math.Round((double)(hot.Requests - 1) / debits, 2),
    // Conservation: the wallet lost exactly one amount per debit.
    ["money_conserved"] = Funding - balance == debits * SeedWallet.Amount,
};
var json = JsonSerializer.Serialize(report);
Console.WriteLine(json);
if (settings.ReportPath is { } path)
{
    await File.WriteAllTextAsync(path, json);
}

return (bool)report["money_conserved"] ? 0 : 1;

async Task<long> RunAsync(SeedWallet wallet, TimeSpan duration, List<double>[]? samples)
{
    var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    long count = 0;
    await Task.WhenAll(Enumerable.Range(0, settings.Workers).Select(worker => Task.Run(async () =>
    {
        var mine = samples is null ? null : samples[worker] = [];
        for (var i = 0; Stopwatch.GetTimestamp() < deadline; i++)
        {
            var begun = Stopwatch.GetTimestamp();
            if (!await wallet.DebitAsync(string.Create(CultureInfo.InvariantCulture, $"pay-{runId}-{worker}-{i}")))
            {
                break;
            }

            Interlocked.Increment(ref count);
            mine?.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
        }
    })));
    return count;
}
