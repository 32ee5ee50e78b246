using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using PaymentActors.AzureTables.Hosting;
using PaymentActors.AzureTables.Tests.Azurite;
using PaymentActors.AzureTables.Tests.Hosting;
using PaymentActors.AzureTables.Tests.Infrastructure;

namespace PaymentActors.AzureTables.Tests.Clustering;

/// <summary>A silo that registers itself in the Azure membership table and a client that finds it there.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ClusterWiringTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_client_finds_the_silo_through_the_membership_table_and_calls_a_grain()
    {
        var membershipTable = UniqueNames.Table("silos");
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..6];
        const string serviceId = "payment-actors-tests";

        var siloBuilder = Host.CreateApplicationBuilder();
        siloBuilder.Logging.SetMinimumLevel(LogLevel.Error);
        siloBuilder.UseOrleans(silo => silo
            .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (clusterId, serviceId))
            .ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort())
            .UseAzureStorageClustering(options =>
            {
                options.TableName = membershipTable;
                options.ConfigureTableServiceClient(azurite.ConnectionString);
            })
            .AddAzureTableGrainStorageAsDefault(options =>
            {
                options.TableName = UniqueNames.Table("clustergrains");
                options.ConfigureTableServiceClient(azurite.ConnectionString);
            }));
        using var siloHost = siloBuilder.Build();

        var clientBuilder = Host.CreateApplicationBuilder();
        clientBuilder.Logging.SetMinimumLevel(LogLevel.Error);
        clientBuilder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (clusterId, serviceId))
            .UseAzureStorageClustering(options =>
            {
                options.TableName = membershipTable;
                options.ConfigureTableServiceClient(azurite.ConnectionString);
            }));
        using var clientHost = clientBuilder.Build();

        await siloHost.StartAsync();
        try
        {
            await clientHost.StartAsync();
            var grain = clientHost.Services.GetRequiredService<IClusterClient>().GetGrain<ILedgerGrain>("user-2");

            Assert.Equal(12.50m, await grain.Deposit(12.50m));
            await clientHost.StopAsync();
        }
        finally
        {
            await siloHost.StopAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
