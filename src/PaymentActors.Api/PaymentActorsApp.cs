using PaymentActors.Api.Hosting;
using PaymentActors.Api.Telemetry;

namespace PaymentActors.Api;

/// <summary>Builds the API with its co-hosted silo; <c>Program</c> runs it, tests start it on a loopback port.</summary>
public static class PaymentActorsApp
{
    public static WebApplication Build(string[] args) => Build(args, configure: null);

    /// <summary>As <see cref="Build(string[])"/>; <paramref name="configure"/> may add services (tests add grain call filters).</summary>
    internal static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure)
    {
        // Content root = the binaries, so appsettings.json is found whatever the working directory (run.sh, tests).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddPaymentActorsSilo();
        builder.AddPaymentActorsApi();
        builder.AddPaymentActorsTracing();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapPaymentActorsApi();
        return app;
    }
}
