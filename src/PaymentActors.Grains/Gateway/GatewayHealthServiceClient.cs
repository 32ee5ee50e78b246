using Orleans.Runtime;
using Orleans.Runtime.Services;

namespace PaymentActors.Grains.Gateway;

/// <summary>Reaches the <see cref="IGatewayHealthService"/> of a given silo.</summary>
public sealed class GatewayHealthServiceClient(IServiceProvider services) : GrainServiceClient<IGatewayHealthService>(services)
{
    public IGatewayHealthService On(SiloAddress silo) => GetGrainService(silo);
}
