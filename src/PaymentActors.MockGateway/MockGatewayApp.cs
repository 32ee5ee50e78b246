using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PaymentActors.MockGateway.Admin;
using PaymentActors.MockGateway.Authorizations;
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

    /// <param name="configureServices">Runs before the defaults, so a test may put in its own <see cref="TimeProvider"/>.</param>
    public static WebApplication Create(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        // appsettings.json sits beside the binary, wherever the process is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (!HasConfiguredEndpoints(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var services = builder.Services;
        configureServices?.Invoke(services);
        services.AddOptions<GatewayBehaviourOptions>()
            .Bind(builder.Configuration.GetSection(GatewayBehaviourOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayBehaviourOptions>, GatewayBehaviourOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GatewayConditions>();
        services.AddSingleton<GatewayStats>();
        services.AddSingleton<ChargeLedger>();
        services.AddSingleton<AuthorizationLedger>();
        services.AddSingleton<AuthorizationHandler>();
        services.AddSingleton<ResponseHolder>();
        services.AddSingleton<ChargeHandler>();
        services.AddSingleton<RefundHandler>();
        services.AddSingleton<GatewayTrafficFilter>();
        services.AddMockGatewayTracing(builder.Configuration);

        var app = builder.Build();
        app.MapGatewayAdmin();
        app.MapGatewayApi();
        app.Lifetime.ApplicationStarted.Register(() => MockGatewayLog.BehaviourInForce(
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MockGatewayApp).FullName!),
            app.Services.GetRequiredService<GatewayConditions>().Current));
        return app;
    }

    /// <summary>
    /// Continues the trace of the <c>traceparent</c> a caller sends (ASP.NET Core reads it), so a charge shows up in
    /// the payment's trace; spans leave the process only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    private static void AddMockGatewayTracing(this IServiceCollection services, IConfiguration configuration)
    {
        var exportOtlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("paymentactors-mock-gateway"))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/admin"));
                if (exportOtlp)
                {
                    tracing.AddOtlpExporter();
                }
            });

        // Logging:Console:FormatterName=json writes the scopes as fields, among them the charge request's TraceId.
        services.Configure<Microsoft.Extensions.Logging.Console.JsonConsoleFormatterOptions>(json => json.IncludeScopes = true);
    }

    // --urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS (set by the .NET container images) and Kestrel:Endpoints all win over the default.
    private static bool HasConfiguredEndpoints(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["urls"])
        || !string.IsNullOrEmpty(configuration["http_ports"])
        || !string.IsNullOrEmpty(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").Exists();
}
