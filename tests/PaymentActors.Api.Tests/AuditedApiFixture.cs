using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using PaymentActors.Api.Security;

namespace PaymentActors.Api.Tests;

/// <summary>The API with its operator audit log recorded, to check who is named for what.</summary>
public sealed class AuditedApiFixture : ApiFixture
{
    public RecordingLoggerProvider AuditLog { get; } = new(OperatorAuditLog.Category);

    protected override IEnumerable<string> Settings => [$"--Logging:LogLevel:{OperatorAuditLog.Category}=Information"];

    protected override void ConfigureServices(WebApplicationBuilder builder) => builder.Logging.AddProvider(AuditLog);
}
