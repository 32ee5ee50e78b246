using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using Orleans.Serialization;
using PaymentActors.Gateway;
using PaymentActors.Grains.Hosting;
using PaymentActors.Grains.Wallets;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Tests.Infrastructure;

/// <summary>
/// A silo whose default grain storage and wallet store can be made to fail, to test what grains do when storage writes
/// fail, with a scripted gateway (approving by default) that tells what was charged and refunded per attempt.
/// </summary>
public sealed class GroupCommitClusterFixture : SiloClusterFixture<GroupCommitClusterFixture.SiloConfigurator>
{
    private static readonly ScriptedGateway SharedGateway = new();
    private static FaultInjectingGrainStorage? _storage;
    private static FaultInjectingWalletStore? _wallets;

    public FaultInjectingGrainStorage Storage => _storage!;

    public FaultInjectingWalletStore Wallets => _wallets!;

    public ScriptedGateway Gateway => SharedGateway;

    public ArrivedCalls Arrived => Calls;

    private static readonly ArrivedCalls Calls = new();

    /// <summary>Above the 120 that the group-commit test holds at once, low enough for a test to reach.</summary>
    public const int MaxActiveReservations = 150;

    protected override void BeforeStop() => SharedGateway.ReleaseHungCharges();

    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder
                .AddMemoryGrainStorage("durable")
                .UseInMemoryReminderService()
                .AddPaymentActors(o =>
                {
                    o.RetryBaseDelay = TimeSpan.Zero;
                    o.MaxActiveReservations = MaxActiveReservations;
                });
            siloBuilder.Services.AddSingleton<IPaymentGateway>(SharedGateway);
            // Orleans resolves the default grain storage as the unkeyed IGrainStorage.
            siloBuilder.Services.AddSingleton<IGrainStorage>(
                services => _storage = new FaultInjectingGrainStorage(services.GetRequiredKeyedService<IGrainStorage>("durable")));
            siloBuilder.AddIncomingGrainCallFilter(Calls);
            siloBuilder.Services.AddSingleton<IWalletStore>(
                services => _wallets = new FaultInjectingWalletStore(new InMemoryWalletStore(), services.GetRequiredService<Serializer<WalletState>>()));
        }
    }
}
