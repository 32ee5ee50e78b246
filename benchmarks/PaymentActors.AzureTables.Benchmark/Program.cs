using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using PaymentActors.AzureTables.Benchmark;
using PaymentActors.Wallets;

// Measures grain-state upserts per second through Orleans's AzureTableGrainStorage (binary serializer, as the silo uses): each writer owns one grain and rewrites its
// small wallet state (replace If-Match its ETag) as fast as it can. The silo is real so the provider is wired and
// started exactly as in production; the storage is then called directly to measure storage alone.
var settings = BenchmarkSettings.Parse(args);
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Error);
builder.UseOrleans(silo =>
{
    silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort());
    silo.AddAzureTableGrainStorage("bench", (OptionsBuilder<AzureTableStorageOptions> options) => options.Configure<Serializer>((o, serializer) =>
    {
        o.TableName = "benchgrainstate";
        o.TableServiceClient = new TableServiceClient(settings.ConnectionString);
        o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
    }));
});
using var host = builder.Build();
await host.StartAsync();
var storage = host.Services.GetRequiredKeyedService<IGrainStorage>("bench");

var runId = Guid.NewGuid().ToString("N")[..8];
var latencies = new List<double>[settings.Writers];
var stopwatch = Stopwatch.StartNew();
var deadline = stopwatch.Elapsed + settings.Duration;
await Task.WhenAll(Enumerable.Range(0, settings.Writers).Select(writer => Task.Run(async () =>
{
    var grainId = GrainId.Create("wallet", $"bench-{runId}-{writer}");
    var state = new BenchmarkGrainState(NewWallet(writer));
    var samples = latencies[writer] = [];
    while (stopwatch.Elapsed < deadline)
    {
        state.State.Balance += 1.00m;
        state.State.Version++;
        state.State.UpdatedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        await storage.WriteStateAsync("wallet", grainId, state);
        samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
})));
var elapsed = stopwatch.Elapsed;
await host.StopAsync();

var all = latencies.SelectMany(samples => samples).Order().ToArray();
string Percentile(double p) => all[Math.Min(all.Length - 1, (int)(p * all.Length))].ToString("F1", CultureInfo.InvariantCulture);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"writers={settings.Writers} seconds={elapsed.TotalSeconds:F1} upserts={all.Length} upserts/s={all.Length / elapsed.TotalSeconds:F0} " +
    $"latency ms p50={Percentile(0.50)} p95={Percentile(0.95)} p99={Percentile(0.99)} max={all[^1]:F1}"));
return;

static BenchmarkWalletState NewWallet(int writer)
{
    var now = DateTimeOffset.UtcNow;
    return new BenchmarkWalletState
    {
        UserId = "user-" + writer.ToString(CultureInfo.InvariantCulture),
        Balance = 1000.00m,
        Reserved = 25.50m,
        UpdatedAt = now,
        Reservations = [new ReservationView("res_" + writer, "pay_" + writer, 25.50m, ReservationStatus.Active, now, now.AddMinutes(15))],
    };
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
