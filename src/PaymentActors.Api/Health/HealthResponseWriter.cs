using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaymentActors.Api.Contracts;
using PaymentActors.Api.Http;

namespace PaymentActors.Api.Health;

/// <summary>Writes a health report in the API's envelope: 200 with each check's status, or 503 naming the failing checks.</summary>
public static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(
            e => e.Key,
            e => new HealthCheckResponse(e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description));
        if (report.Status == HealthStatus.Unhealthy)
        {
            var failing = string.Join("; ", report.Entries
                .Where(e => e.Value.Status == HealthStatus.Unhealthy)
                .Select(e => $"{e.Key}: {e.Value.Description}"));
            return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, $"Not ready. {failing}").ExecuteAsync(context);
        }

        return ApiResults.Ok(new HealthReportResponse(report.Status.ToString().ToLowerInvariant(), checks)).ExecuteAsync(context);
    }
}
