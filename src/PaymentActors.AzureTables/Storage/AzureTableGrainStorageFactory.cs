using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration.Overrides;
using Orleans.Serialization;
using Orleans.Storage;
using PaymentActors.AzureTables.Options;

namespace PaymentActors.AzureTables.Storage;

/// <summary>Builds the named grain storage with its named options, defaulting to Orleans's binary serializer.</summary>
public static class AzureTableGrainStorageFactory
{
    public static AzureTableGrainStorage Create(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<AzureTableStorageOptions>>().Get(name);
        var serializer = options.GrainStorageSerializer ?? new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
        return ActivatorUtilities.CreateInstance<AzureTableGrainStorage>(
            services, name, options, serializer, services.GetProviderClusterOptions(name));
    }
}
