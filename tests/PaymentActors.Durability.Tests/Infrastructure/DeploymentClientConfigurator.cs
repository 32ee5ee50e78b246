using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace PaymentActors.Durability.Tests.Infrastructure;

public sealed class DeploymentClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => Deployment.Of(configuration).ConfigureClient(clientBuilder);
}
