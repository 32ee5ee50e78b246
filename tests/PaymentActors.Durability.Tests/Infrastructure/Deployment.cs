using System.Collections.Concurrent;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using PaymentActors.AzureTables.Diagnostics;
using PaymentActors.AzureTables.Hosting;
using PaymentActors.Gateway;
using PaymentActors.Grains.Hosting;
using PaymentActors.Grains.Options;

namespace PaymentActors.Durability.Tests.Infrastructure;

/// <summary>
/// What survives a cluster: the Azure tables (grain state, wallets, reminders, failed events, membership) under one service id
/// and cluster id, the business clock and the gateway. Every <see cref="StartClusterAsync"/> is a new incarnation of
/// the same deployment on the same tables; nothing but those tables carries over from one incarnation to the next.
/// </summary>
public sealed class Deployment(
    string connectionString, TimeProvider businessClock, CountingGateway gateway, ITestOutputHelper output,
    Action<PaymentActorsOptions>? configure = null)
{
    private const string IdKey = "Durability:Deployment";

    // TestCluster builds silos and clients from configurator types, so they find their deployment by the id in configuration.
    private static readonly ConcurrentDictionary<string, Deployment> Deployments = new(StringComparer.Ordinal);

    private readonly string _id = Guid.NewGuid().ToString("N")[..12];

    public string ServiceId => "durability-" + _id;

    public string ClusterId => "cluster-" + _id;

    public string GrainTable => "grains" + _id;

    public string ReminderTable => "reminders" + _id;

    public string FailedEventTable => "failed" + _id;

    public string SiloTable => "silos" + _id;

    public string WalletTable => "wallets" + _id;

    /// <summary>Starts a new incarnation of the cluster on the deployment's tables, with one silo unless told otherwise.</summary>
    public async Task<DeploymentCluster> StartClusterAsync(short silos = 1)
    {
        Deployments[_id] = this;
        var builder = new TestClusterBuilder(silos);
        builder.Options.ServiceId = ServiceId;
        builder.Options.ClusterId = ClusterId;
        builder.Options.ConfigureFileLogging = false;

        // Membership lives in Azure Tables like everything else, so that a silo started after a crash joins the same cluster.
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[IdKey] = _id;
        builder.AddSiloBuilderConfigurator<DeploymentSiloConfigurator>();
        builder.AddClientBuilderConfigurator<DeploymentClientConfigurator>();

        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return new DeploymentCluster(cluster);
    }

    internal static Deployment Of(IConfiguration configuration) =>
        Deployments[configuration[IdKey] ?? throw new InvalidOperationException($"No {IdKey} in the test cluster's configuration.")];

    internal void ConfigureSilo(ISiloBuilder silo)
    {
        var power = new SiloPower();
        silo.Services.AddSingleton(power);
        silo.AddPaymentActorsAzureTables(connectionString, tables =>
        {
            UseDeploymentTables(tables);

            // Grain state, reminders and failed events lose power with the silo; membership is cut one level up.
            tables.ConfigureClientOptions = (service, options) =>
            {
                if (service != StorageServices.Clustering)
                {
                    options.AddPolicy(new PowerCutPolicy(power), HttpPipelinePosition.PerCall);
                }
            };
        });
        PoweredMembershipTable.Wrap(silo.Services, power);

        // Reminders as short as the tests need; a dead silo is noticed in seconds rather than minutes.
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100));
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedTableIAmAliveLimit = 2;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
        });

        // After a crash the directory keeps the dead silo's grains from activating elsewhere for this long (30 s by
        // default), in case the silo is only cut off; a test only needs it to outlast the failure detection above.
        silo.Configure<GrainDirectoryOptions>(o => o.RangeLeaseDuration = TimeSpan.FromSeconds(6));

        silo.AddPaymentActors(o =>
        {
            o.ExpiryCheckPeriod = TimeSpan.FromMilliseconds(200);
            o.RecoveryCheckPeriod = TimeSpan.FromMilliseconds(500);
            o.RecoveryGracePeriod = TimeSpan.FromSeconds(1);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            configure?.Invoke(o);
        });

        // Business time only; Orleans keeps the system clock for its own timers.
        silo.Services.AddKeyedSingleton(PaymentClock.ServiceKey, businessClock);
        silo.Services.AddSingleton<IPaymentGateway>(gateway);
        silo.Services.AddLogging(logging => logging.AddProvider(new TestOutputLoggerProvider(output, power)));
    }

    internal void ConfigureClient(IClientBuilder client) => client
        .UseAzureTableClustering(connectionString, UseDeploymentTables)
        .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromMilliseconds(500));

    private void UseDeploymentTables(AzureTablesSetup tables)
    {
        tables.GrainStateTable = GrainTable;
        tables.ReminderTable = ReminderTable;
        tables.FailedEventTable = FailedEventTable;
        tables.WalletTable = WalletTable;
        tables.ClusteringTable = SiloTable;
    }
}
