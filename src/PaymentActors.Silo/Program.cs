using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using PaymentActors.Hosting;
using PaymentActors.Silo;

// Content root = the binaries, so appsettings.json is found whatever the working directory (run.sh, tests, containers).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddPaymentActorsSilo();
builder.AddPaymentActorsSiloTelemetry();
using var host = builder.Build();
await host.StartAsync();

// One line that says where this silo is, for run.sh's logs and for operators (Orleans itself logs at Warning).
var silo = host.Services.GetRequiredService<ILocalSiloDetails>();
var cluster = host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PaymentActors.Silo").LogInformation(
    "Silo {Silo} is active in cluster {ClusterId} (service {ServiceId}); clients connect to {Gateway}.",
    silo.SiloAddress.ToParsableString(), cluster.ClusterId, cluster.ServiceId, silo.GatewayAddress?.ToString() ?? "no gateway");
await host.WaitForShutdownAsync();
