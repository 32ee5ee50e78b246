using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PaymentActors.Api.Contracts;
using PaymentActors.Api.Http;

namespace PaymentActors.Api.Security;

/// <summary>
/// The global limiter: one token bucket per principal (its <c>sub</c>; operators in their own, larger buckets) and,
/// for requests without a valid token, one per client address. Runs after authentication so the principal is known.
/// </summary>
public static class ApiRateLimiting
{
    internal static void Configure(RateLimiterOptions options)
    {
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
        options.OnRejected = RejectAsync;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitingOptions>>().CurrentValue;
        var caller = context.User;
        if (caller.UserId() is { } subject)
        {
            return caller.IsOperator()
                ? Bucket("operator:" + subject, limits.OperatorPermitsPerSecond, limits.OperatorBurst)
                : Bucket("user:" + subject, limits.PermitsPerSecond, limits.Burst);
        }

        return Bucket("address:" + context.Connection.RemoteIpAddress, limits.PermitsPerSecond, limits.Burst);
    }

    private static RateLimitPartition<string> Bucket(string key, int permitsPerSecond, int burst) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = permitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiResults.Error(
                StatusCodes.Status429TooManyRequests,
                ErrorCodes.RateLimited,
                $"Too many requests; retry after {seconds} s.")
            .ExecuteAsync(context);
    }
}
