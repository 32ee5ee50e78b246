using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.Streams;
using PaymentActors.Events;
using PaymentActors.FailureRecording;
using PaymentActors.Gateway;
using PaymentActors.Grains.Diagnostics;
using PaymentActors.Grains.FailureRecording;
using PaymentActors.Grains.Gateway;
using PaymentActors.Grains.Metrics;
using PaymentActors.Grains.Options;
using PaymentActors.Grains.Persistence;
using PaymentActors.Grains.Placement;
using PaymentActors.Grains.Recovery;
using PaymentActors.Grains.Wallets;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Hosting;

public static class PaymentActorsSiloBuilderExtensions
{
    /// <summary>
    /// Adds the payment actors to a silo: the event stream, its subscribers, options (section "PaymentActors"),
    /// and defaults that a host may replace before or after this call: the simulated gateway, the in-memory
    /// failed-event and wallet stores and the business clock (<see cref="PaymentClock"/>). Grain storage ("Default") and reminders are the host's choice.
    /// </summary>
    public static ISiloBuilder AddPaymentActors(this ISiloBuilder builder, Action<PaymentActorsOptions>? configure = null)
    {
        // Implicit subscriptions only: no pub-sub store to write, and subscribers are activated by the events themselves.
        // Two queues rather than eight: each queue is polled ten times a second whether or not events flow, and a
        // batch of a payment's events is one queue message, so two queues carry thousands of payments a second.
        builder.AddMemoryStreams(EventStreams.ProviderName, streams =>
        {
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            streams.ConfigurePartitioning(2);
        });

        var options = builder.Services.AddOptions<PaymentActorsOptions>()
            .Bind(builder.Configuration.GetSection(PaymentActorsOptions.SectionName))
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.AddSingleton<IValidateOptions<PaymentActorsOptions>, PaymentActorsOptionsValidator>();
        builder.Services.TryAddKeyedSingleton(PaymentClock.ServiceKey, TimeProvider.System);
        builder.Services.TryAddSingleton<IPaymentGateway, SimulatedPaymentGateway>();
        builder.Services.TryAddSingleton<IGatewayHealthSource, SimulatedGatewayHealth>();
        builder.Services.TryAddSingleton<IGatewayProviderCatalog, SingleProviderCatalog>();
        builder.Services.TryAddSingleton<GatewayProviderStats>();
        builder.Services.TryAddSingleton<IFailedEventStore, InMemoryFailedEventStore>();
        builder.Services.TryAddSingleton<IWalletStore, InMemoryWalletStore>();
        builder.Services.TryAddSingleton<PaymentMetrics>();
        builder.Services.TryAddSingleton<EventDeliveryMetrics>();
        builder.Services.TryAddSingleton<UnfinishedPayments>();
        builder.Services.TryAddSingleton<ClusterMetrics>();

        // The gauges exist from the start, not from the first payment: an alert needs its series before anything happens.
        builder.AddStartupTask((services, _) =>
        {
            services.GetRequiredService<UnfinishedPayments>();
            services.GetRequiredService<ClusterMetrics>();
            return Task.CompletedTask;
        });

        // Failed events are kept for PaymentActors:FailedEventRetention; a reminder deletes them after.
        builder.AddStartupTask((services, _) => FailedEventRetentionGrain.StartInBackground(services));

        // Every silo's breaker, reachable by silo address, for GET /gateway.
        builder.Services.AddGrainService<GatewayHealthService>();
        builder.Services.AddSingleton<GatewayHealthServiceClient>();
        // Every silo's own figures (events, storage requests), reachable by silo address, for GET /metrics/summary.
        builder.Services.AddGrainService<SiloFiguresService>();
        builder.Services.AddSingleton<SiloFiguresServiceClient>();
        // Grain messages per payment is one of the load-independent costs the benchmarks report (BENCHMARKS.md).
        builder.AddIncomingGrainCallFilter<GrainMessageCounter>();

        // Every state type is [GenerateSerializer]: Orleans's binary format writes a hot wallet's state (thousands of
        // remembered operations, written on every batch) several times faster than the default JSON, in fewer bytes.
        builder.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();

        // Payments live in the default grain storage, seen through a wrapper that skips reading a just-minted id.
        builder.Services.AddKeyedSingleton<IGrainStorage>(
            MintedIdGrainStorage.Name, (services, _) => new MintedIdGrainStorage(services.GetRequiredService<IGrainStorage>()));

        // [WalletAffinePlacement]: a payment activated on its wallet's silo, so its saga's wallet calls stay in process.
        builder.Services.AddPlacementDirector<WalletAffinePlacement, WalletAffinePlacementDirector>();

        // One trace per payment across grain calls and silos (activities exist only when a tracer listens), and the
        // payment or user id as a log scope.
        builder.AddActivityPropagation();
        builder.AddIncomingGrainCallFilter<LogScopeGrainCallFilter>();
        return builder;
    }
}
