using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using PaymentActors.Gateway;
using PaymentActors.Grains.Hosting;

namespace PaymentActors.Grains.Tests.Infrastructure;

/// <summary>
/// A silo whose default grain storage can be made to fail, to test what grains do when storage writes fail, with a
/// scripted gateway (approving by default) that tells what was charged and refunded per attempt.
/// </summary>
public sealed class GroupCommitClusterFixture : SiloClusterFixture<GroupCommitClusterFixture.SiloConfigurator>
{
    private static readonly ScriptedGateway gateway = new();
    private static FaultInjectingGrainStorage? storage;

    public FaultInjectingGrainStorage Storage => storage!;

    public ScriptedGateway Gateway => gateway;

    protected override void BeforeStop() => gateway.ReleaseHungCharges();

    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder
                .AddMemoryGrainStorage("durable")
                .UseInMemoryReminderService()
                .AddPaymentActors(o => o.RetryBaseDelay = TimeSpan.Zero);
            siloBuilder.Services.AddSingleton<IPaymentGateway>(gateway);
            // Orleans resolves the default grain storage as the unkeyed IGrainStorage.
            siloBuilder.Services.AddSingleton<IGrainStorage>(
                services => storage = new FaultInjectingGrainStorage(services.GetRequiredKeyedService<IGrainStorage>("durable")));
        }
    }
}
