using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentActors.Gateway;
using PaymentActors.Gateway.Http.Circuit;
using PaymentActors.Gateway.Http.Diagnostics;
using PaymentActors.Gateway.Http.Options;
using PaymentActors.Gateway.Http.Resilience;

namespace PaymentActors.Gateway.Http.Hosting;

public static class HttpGatewayServiceCollectionExtensions
{
    private const string PipelineName = "gateway";

    /// <summary>
    /// Registers one <see cref="HttpPaymentGateway"/> per provider of <paramref name="configurationSection"/> (usually
    /// <c>configuration.GetSection(HttpGatewayOptions.SectionName)</c>; see <see cref="GatewayProviderConfiguration"/>),
    /// each with its own named client, pipeline and breaker, and <see cref="IGatewayProviderCatalog"/> over them. The
    /// unkeyed <see cref="IPaymentGateway"/> and <see cref="IGatewayCircuitState"/> are the default provider's
    /// (<see cref="GatewayRouting.DefaultOf"/>). Without <c>Providers</c> the section is one provider named
    /// <paramref name="singleProviderName"/>.
    /// </summary>
    public static IServiceCollection AddHttpPaymentGateway(
        this IServiceCollection services,
        IConfiguration configurationSection,
        string singleProviderName = HttpGatewayOptions.DefaultProviderName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configurationSection);
        var providers = GatewayProviderConfiguration.Read(configurationSection, singleProviderName);
        services.AddOptions<HttpGatewayOptions>().Bind(configurationSection);
        foreach (var provider in providers)
        {
            // The shared settings, then the provider's own (absent in the one-provider form).
            services.AddOptions<HttpGatewayOptions>(provider.Name)
                .Bind(configurationSection)
                .Bind(configurationSection.GetSection($"{GatewayProviderConfiguration.ProvidersSectionName}:{provider.Name}"));
        }

        return services.AddHttpPaymentGatewayCore(providers);
    }

    /// <summary>As <see cref="AddHttpPaymentGateway(IServiceCollection, IConfiguration, string)"/>: one provider (<see cref="HttpGatewayOptions.DefaultProviderName"/>), configured in code.</summary>
    public static IServiceCollection AddHttpPaymentGateway(this IServiceCollection services, Action<HttpGatewayOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.ConfigureAll(configure);
        return services.AddHttpPaymentGatewayCore([GatewayProviderConfiguration.Single(HttpGatewayOptions.DefaultProviderName)]);
    }

    private static IServiceCollection AddHttpPaymentGatewayCore(this IServiceCollection services, IReadOnlyList<GatewayProvider> providers)
    {
        // A second call only adds configuration: one client, one pipeline, one breaker per provider.
        if (services.Any(descriptor => descriptor.ServiceType == typeof(HttpPaymentGateway)))
        {
            return services;
        }

        var names = providers.Select(p => p.Name).ToList();
        foreach (var name in names)
        {
            services.AddOptions<HttpGatewayOptions>(name).ValidateOnStart();
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpGatewayOptions>, HttpGatewayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptionsMonitor<HttpGatewayOptions>>();
            var time = provider.GetRequiredService<TimeProvider>();
            return new GatewayProviderCircuits(names.ToDictionary(name => name, name => new GatewayCircuitState(options.Get(name), time), StringComparer.Ordinal));
        });
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton(provider =>
        {
            var circuits = provider.GetRequiredService<GatewayProviderCircuits>();
            var gateways = names.ToDictionary(
                name => name,
                name => new HttpPaymentGateway(
                    name,
                    provider.GetRequiredService<IHttpClientFactory>(),
                    circuits[name],
                    provider.GetRequiredService<GatewayMetrics>(),
                    provider.GetRequiredService<TimeProvider>(),
                    provider.GetRequiredService<ILogger<HttpPaymentGateway>>()),
                StringComparer.Ordinal);
            return new HttpGatewayProviderCatalog(providers, gateways);
        });
        services.AddSingleton<IGatewayProviderCatalog>(provider => provider.GetRequiredService<HttpGatewayProviderCatalog>());
        services.AddSingleton(provider => provider.GetRequiredService<HttpGatewayProviderCatalog>().DefaultGateway);
        services.AddSingleton<IPaymentGateway>(provider => provider.GetRequiredService<HttpPaymentGateway>());
        services.AddSingleton<IGatewayCircuitState>(provider =>
            provider.GetRequiredService<GatewayProviderCircuits>()[provider.GetRequiredService<IGatewayProviderCatalog>().Default.Name]);
        services.AddSingleton<IGatewayHealthSource>(provider => new CircuitGatewayHealthSource(
            provider.GetRequiredService<GatewayProviderCircuits>().All.ToDictionary(pair => pair.Key, pair => (IGatewayCircuitState)pair.Value, StringComparer.Ordinal),
            provider.GetRequiredService<IGatewayProviderCatalog>().Default.Name));

        foreach (var name in names)
        {
            services
                .AddHttpClient(HttpPaymentGateway.ClientNameOf(name), (provider, client) =>
                {
                    var baseUrl = provider.GetRequiredService<IOptionsMonitor<HttpGatewayOptions>>().Get(name).BaseUrl;
                    client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");

                    // The pipeline's attempt timeout and retries bound every call; HttpClient's own 100 s would only interfere.
                    client.Timeout = Timeout.InfiniteTimeSpan;
                })
                .AddResilienceHandler(PipelineName, (builder, context) =>
                {
                    var provider = context.ServiceProvider;
                    GatewayResiliencePipeline.Configure(
                        builder,
                        name,
                        provider.GetRequiredService<IOptionsMonitor<HttpGatewayOptions>>().Get(name),
                        provider.GetRequiredService<GatewayProviderCircuits>()[name],
                        provider.GetRequiredService<GatewayMetrics>(),
                        provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpPaymentGateway).FullName!));
                });
        }

        return services;
    }
}
