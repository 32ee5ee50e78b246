using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaymentActors.MockGateway.Admin;
using PaymentActors.MockGateway.Behaviour;
using PaymentActors.MockGateway.Charges;
using PaymentActors.MockGateway.Diagnostics;
using PaymentActors.MockGateway.Http;
using PaymentActors.MockGateway.Options;
using PaymentActors.MockGateway.Refunds;

namespace PaymentActors.MockGateway;

/// <summary>
/// Builds the mock gateway. <c>Program</c> runs it; tests build it with <c>--urls http://127.0.0.1:0</c>,
/// start it and read the bound address from <see cref="WebApplication.Urls"/>.
/// </summary>
public static class MockGatewayApp
{
    public const string DefaultUrl = "http://127.0.0.1:5090";

    public static WebApplication Create(string[] args)
    {
        // appsettings.json sits beside the binary, wherever the process is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (!HasConfiguredEndpoints(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var services = builder.Services;
        services.AddOptions<GatewayBehaviourOptions>()
            .Bind(builder.Configuration.GetSection(GatewayBehaviourOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayBehaviourOptions>, GatewayBehaviourOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GatewayConditions>();
        services.AddSingleton<GatewayStats>();
        services.AddSingleton<ChargeLedger>();
        services.AddSingleton<ResponseHolder>();
        services.AddSingleton<ChargeHandler>();
        services.AddSingleton<RefundHandler>();
        services.AddSingleton<GatewayTrafficFilter>();

        var app = builder.Build();
        app.MapGatewayAdmin();
        app.MapGatewayApi();
        app.Lifetime.ApplicationStarted.Register(() => MockGatewayLog.BehaviourInForce(
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MockGatewayApp).FullName!),
            app.Services.GetRequiredService<GatewayConditions>().Current));
        return app;
    }

    // --urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS (set by the .NET container images) and Kestrel:Endpoints all win over the default.
    private static bool HasConfiguredEndpoints(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["urls"])
        || !string.IsNullOrEmpty(configuration["http_ports"])
        || !string.IsNullOrEmpty(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").Exists();
}
