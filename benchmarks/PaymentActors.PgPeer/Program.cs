using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using PaymentActors.PgPeer;

// pg-peer: seeds 003/004's design as a row of ./bench.sh. Each client pays 1.00 USD in a loop: transaction 1 (lock
// the wallet row, check, reserve, insert the payment), the mock gateway's POST /charges outside any transaction,
// transaction 2 (deduct, mark completed). One wallet (the hot wallet) or many, paid from at random. A warm-up on the
// same wallets, then the measured window; then the audit. Prints one JSON object.
var settings = PgPeerSettings.Parse(args);
var runId = Guid.NewGuid().ToString("N")[..8];
var builder = new NpgsqlDataSourceBuilder(settings.ConnectionString);
builder.ConnectionStringBuilder.MaxPoolSize = settings.Clients + 2;
builder.ConnectionStringBuilder.MinPoolSize = 0;

// Prepared statements, as pgbench -M prepared runs them: what a production service on Npgsql does.
builder.ConnectionStringBuilder.MaxAutoPrepare = 16;
builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
await using var dataSource = builder.Build();
var ledger = new PgLedger(dataSource, runId);
await ledger.CreateSchemaAsync();
await ledger.FundAsync(settings.Wallets, 100_000_000m);

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Clients })
{
    BaseAddress = settings.GatewayUrl,
};
var gateway = new MockGatewayClient(http);

await RunAsync(settings.Warmup, samples: null);
var latencies = new List<double>[settings.Clients];
var peerCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
var postgresCpu0 = ProcessTreeCpu.Seconds(settings.PostgresPid);
var started = Stopwatch.GetTimestamp();
var completed = await RunAsync(settings.Duration, latencies);
var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
var postgresCpu1 = ProcessTreeCpu.Seconds(settings.PostgresPid);
var peerCpu = (Process.GetCurrentProcess().TotalProcessorTime - peerCpu0).TotalSeconds;

var (violations, completedInDatabase) = await ledger.AuditAsync();
var all = latencies.SelectMany(l => l).Order().ToArray();
double Percentile(double p) => all.Length == 0 ? 0 : Math.Round(all[Math.Min(all.Length - 1, (int)(p * all.Length))], 1);
double? PerPayment(double? seconds) => seconds is { } s && completed > 0 ? Math.Round(s * 1000 / completed, 2) : null;
var report = new Dictionary<string, object?>
{
    ["clients"] = settings.Clients,
    ["wallets"] = settings.Wallets,
    ["seconds"] = Math.Round(elapsed, 2),
    ["completed"] = completed,
    ["completed_per_second"] = Math.Round(completed / elapsed, 1),
    ["p50_ms"] = Percentile(0.50),
    ["p99_ms"] = Percentile(0.99),
    ["postgres_cpu_ms_per_payment"] = PerPayment(postgresCpu1 - postgresCpu0),
    ["peer_cpu_ms_per_payment"] = PerPayment(peerCpu),

    // The audit covers warm-up and window: balance = deposits − completed on every wallet, nothing left reserved.
    ["completed_in_database"] = completedInDatabase,
    ["audit_violations"] = violations,
};
var json = JsonSerializer.Serialize(report);
Console.WriteLine(json);
if (settings.ReportPath is { } path)
{
    await File.WriteAllTextAsync(path, json);
}

return violations == 0 ? 0 : 1;

async Task<long> RunAsync(TimeSpan duration, List<double>[]? samples)
{
    var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    long count = 0;
    await Task.WhenAll(Enumerable.Range(0, settings.Clients).Select(client => Task.Run(async () =>
    {
        var mine = samples is null ? null : samples[client] = [];
        var random = new Random(client);
        for (var i = 0; Stopwatch.GetTimestamp() < deadline; i++)
        {
            var begun = Stopwatch.GetTimestamp();
            var wallet = ledger.WalletId(settings.Wallets == 1 ? 0 : random.Next(settings.Wallets));
            var paymentId = string.Create(CultureInfo.InvariantCulture, $"p-{runId}-{(samples is null ? "w" : "m")}-{client}-{i}");
            if (!await ledger.ReserveAsync(wallet, paymentId))
            {
                throw new InvalidOperationException($"Wallet {wallet} ran short of funds.");
            }

            var chargeId = await gateway.ChargeAsync(paymentId, wallet);
            await ledger.ConfirmAsync(wallet, paymentId, chargeId);
            if (chargeId is not null)
            {
                Interlocked.Increment(ref count);
                mine?.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
            }
        }
    })));
    return count;
}
