using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using PaymentActors.AzureTables.Hosting;
using PaymentActors.Hosting.Options;
using PaymentActors.Hosting.Repeats;

namespace PaymentActors.Hosting;

/// <summary>An Orleans client of the payment cluster: the front door in client mode.</summary>
public static class ClientHostingExtensions
{
    /// <summary>How often the client re-reads the membership table for gateways (Orleans's default is 1 minute).</summary>
    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Adds a cluster client (section "Orleans", same keys as the silos) that finds the silos' gateways in the Azure
    /// Table membership table, so <c>Storage:Provider</c> must be <c>AzureTables</c>. Start-up waits for a gateway
    /// (retrying every second) rather than failing when the silos are not up yet.
    /// </summary>
    public static IHostApplicationBuilder AddPaymentActorsClient(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var silo = SiloHostingExtensions.BindOrleansOptions(configuration);
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Provider != StorageProvider.AzureTables)
        {
            throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions),
                ["A cluster client finds the silos in the membership table: Orleans:Mode=Client needs Storage:Provider=AzureTables."]);
        }

        var connectionString = SiloHostingExtensions.AzureTablesConnectionString(configuration);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = silo.ClusterId;
                cluster.ServiceId = silo.ServiceId;
            });
            client.UseAzureTableClustering(connectionString);
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = GatewayListRefreshPeriod);

            // A call to a grain on a silo that has just died gets no answer for this long; then it is repeated.
            client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = silo.ResponseTimeout);
            client.UseConnectionRetryFilter(RetryConnectingAsync);

            // A lost silo is invisible to the front door's callers: safe calls it left unanswered are sent again.
            client.Services.AddSingleton<SiloLossSignal>();
            client.Services.AddHostedService<SiloDeathWatcher>();
            client.Services.AddSingleton<IClusterConnectionStatusObserver>(services => services.GetRequiredService<SiloLossSignal>());
            client.Services.AddSingleton<IOutgoingGrainCallFilter>(services => new RepeatOnSiloLossFilter(
                services.GetRequiredService<SiloLossSignal>(), silo.RepeatWindow, services.GetRequiredService<ILogger<RepeatOnSiloLossFilter>>()));

            // The front door's request trace travels with each grain call, so the silos' spans and events continue it.
            client.AddActivityPropagation();
            client.AddDashboard();
        });
        return builder;
    }

    private static async Task<bool> RetryConnectingAsync(Exception exception, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return true;
    }
}
