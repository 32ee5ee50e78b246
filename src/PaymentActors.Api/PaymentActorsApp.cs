using PaymentActors.Api.Hosting;
using PaymentActors.Api.Telemetry;
using PaymentActors.Hosting;
using PaymentActors.Hosting.Options;

namespace PaymentActors.Api;

/// <summary>
/// Builds the front door: with its own silo (<c>Orleans:Mode=CoHosted</c>, the default) or as a pure client of silos
/// running elsewhere (<c>Client</c>). <c>Program</c> runs it, tests start it on a loopback port.
/// </summary>
public static class PaymentActorsApp
{
    public static WebApplication Build(string[] args) => Build(args, configure: null);

    /// <summary>As <see cref="Build(string[])"/>; <paramref name="configure"/> may add services (tests add grain call filters).</summary>
    internal static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure)
    {
        // Content root = the binaries, so appsettings.json is found whatever the working directory (run.sh, tests).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var orleans = SiloHostingExtensions.BindOrleansOptions(builder.Configuration);
        if (orleans.Mode == OrleansMode.Client)
        {
            builder.AddPaymentActorsClient();
        }
        else
        {
            // A cluster of one on loopback: the fastest way to run the whole system on one machine.
            builder.AddPaymentActorsSilo(alone: true);
        }

        builder.AddPaymentActorsApi();
        builder.AddPaymentActorsTracing();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapPaymentActorsApi();
        return app;
    }
}
