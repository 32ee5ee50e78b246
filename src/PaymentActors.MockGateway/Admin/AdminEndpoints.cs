using PaymentActors.MockGateway.Behaviour;
using PaymentActors.MockGateway.Diagnostics;
using PaymentActors.MockGateway.Http;

namespace PaymentActors.MockGateway.Admin;

/// <summary>Health, behaviour switches and counters: never subject to the simulated outage or latency.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapGatewayAdmin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", (GatewayConditions conditions) => conditions.Current.Outage
            ? TypedResults.Json(new HealthView("outage"), MockGatewayJsonContext.Default.HealthView, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Json(new HealthView("ok"), MockGatewayJsonContext.Default.HealthView));

        var admin = endpoints.MapGroup("/admin").AddEndpointFilter<LoopbackOnlyFilter>();
        admin.MapGet("/behaviour", (GatewayConditions conditions) =>
            TypedResults.Json(conditions.Current, MockGatewayJsonContext.Default.GatewayBehaviour));
        admin.MapPost("/behaviour", UpdateBehaviourAsync);
        admin.MapGet("/stats", (GatewayStats stats) =>
            TypedResults.Json(stats.Snapshot(), MockGatewayJsonContext.Default.GatewayStatsView));
        return endpoints;
    }

    private static async Task<IResult> UpdateBehaviourAsync(HttpContext context, GatewayConditions conditions, ILoggerFactory loggerFactory)
    {
        var read = await JsonBody.ReadAsync(context.Request, MockGatewayJsonContext.Default.BehaviourUpdate);
        if (read.Error is not null)
        {
            return read.Error;
        }

        if (!conditions.TryUpdate(read.Value!, out var behaviour, out var violation))
        {
            return ApiResults.BadRequest(new ErrorBody(ErrorCodes.InvalidField, violation!.Message, violation.Field));
        }

        MockGatewayLog.BehaviourInForce(loggerFactory.CreateLogger(typeof(AdminEndpoints).FullName!), behaviour);
        return TypedResults.Json(behaviour, MockGatewayJsonContext.Default.GatewayBehaviour);
    }
}
