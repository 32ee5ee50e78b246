using Orleans.TestingHost;

namespace PaymentActors.Durability.Tests.Infrastructure;

public sealed class DeploymentSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => Deployment.Of(siloBuilder.Configuration).ConfigureSilo(siloBuilder);
}
