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
    /// Registers <see cref="HttpPaymentGateway"/> as the singleton <see cref="IPaymentGateway"/>, configured from
    /// <paramref name="configurationSection"/> (usually <c>configuration.GetSection(HttpGatewayOptions.SectionName)</c>),
    /// with <see cref="IGatewayCircuitState"/> and the <c>PaymentActors.Gateway</c> meter.
    /// </summary>
    public static IServiceCollection AddHttpPaymentGateway(this IServiceCollection services, IConfiguration configurationSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configurationSection);
        services.AddOptions<HttpGatewayOptions>().Bind(configurationSection);
        return services.AddHttpPaymentGatewayCore();
    }

    /// <summary>As <see cref="AddHttpPaymentGateway(IServiceCollection, IConfiguration)"/>, configured in code.</summary>
    public static IServiceCollection AddHttpPaymentGateway(this IServiceCollection services, Action<HttpGatewayOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<HttpGatewayOptions>().Configure(configure);
        return services.AddHttpPaymentGatewayCore();
    }

    private static IServiceCollection AddHttpPaymentGatewayCore(this IServiceCollection services)
    {
        // A second call only adds configuration: one client, one pipeline, one breaker.
        if (services.Any(descriptor => descriptor.ServiceType == typeof(HttpPaymentGateway)))
        {
            return services;
        }

        services.AddOptions<HttpGatewayOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpGatewayOptions>, HttpGatewayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<GatewayCircuitState>();
        services.AddSingleton<IGatewayCircuitState>(provider => provider.GetRequiredService<GatewayCircuitState>());
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton(provider => new HttpPaymentGateway(
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<GatewayCircuitState>(),
            provider.GetRequiredService<GatewayMetrics>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<HttpPaymentGateway>>()));
        services.AddSingleton<IPaymentGateway>(provider => provider.GetRequiredService<HttpPaymentGateway>());
        services.AddSingleton<IGatewayHealthSource, CircuitGatewayHealthSource>();

        services
            .AddHttpClient(HttpPaymentGateway.HttpClientName, (provider, client) =>
            {
                var baseUrl = provider.GetRequiredService<IOptions<HttpGatewayOptions>>().Value.BaseUrl;
                client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");

                // The pipeline's attempt timeout and retries bound every call; HttpClient's own 100 s would only interfere.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler(PipelineName, static (builder, context) =>
            {
                var provider = context.ServiceProvider;
                GatewayResiliencePipeline.Configure(
                    builder,
                    provider.GetRequiredService<IOptions<HttpGatewayOptions>>().Value,
                    provider.GetRequiredService<GatewayCircuitState>(),
                    provider.GetRequiredService<GatewayMetrics>(),
                    provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpPaymentGateway).FullName!));
            });
        return services;
    }
}
