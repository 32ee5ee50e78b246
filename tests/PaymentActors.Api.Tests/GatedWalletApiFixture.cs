using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaymentActors.Api.Security;

namespace PaymentActors.Api.Tests;

/// <summary>
/// The API with a <see cref="WalletCallGate"/> in its silo and short saga retry delays, so that tests can keep a
/// payment pending (to cancel it) or let its wallet look unreachable (to fail it retryably and retry it), and with its
/// operator audit log recorded (<see cref="AuditLog"/>), to check who is named for what.
/// </summary>
public sealed class GatedWalletApiFixture : ApiFixture
{
    public WalletCallGate Gate { get; } = new();

    public RecordingLoggerProvider AuditLog { get; } = new(OperatorAuditLog.Category);

    protected override IEnumerable<string> Settings =>
    [
        "--PaymentActors:RetryBaseDelay=00:00:00.001",
        "--PaymentActors:MaxRetries=2",
        $"--Logging:LogLevel:{OperatorAuditLog.Category}=Information",
    ];

    protected override void ConfigureServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IIncomingGrainCallFilter>(Gate);
        builder.Logging.AddProvider(AuditLog);
    }
}
