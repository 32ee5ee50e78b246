using System.Globalization;
using System.Text.Json.Nodes;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using PaymentActors.Api.Contracts;
using PaymentActors.Api.Http;
using PaymentActors.Api.OpenApi;
using PaymentActors.Api.Security;
using PaymentActors.Api.Validation;
using PaymentActors.FailureRecording;

namespace PaymentActors.Api.Endpoints;

/// <summary>Seed 000's failed events: list and read them, and let an operator re-drive a technical failure.</summary>
public static class FailedEventEndpoints
{
    public const string IdField = "id";
    public const string StatusField = "status";
    public const string LimitField = "limit";
    public const string StartingAfterField = "starting_after";
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapFailedEventEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var failedEvents = endpoints.MapGroup("/failed-events").WithTags("Failed events").RequireAuthorization(SecurityPolicies.Operator);

        failedEvents.MapGet("", ListAsync)
            .WithName("ListFailedEvents")
            .WithSummary("List failed events, newest first")
            .WithDescription(
                "Every failed payment is recorded as a failed event (seed 000's FailedEvent). Pages hold `limit` events, newest first; " +
                "`has_more` says whether older ones follow, and `next_starting_after` is the `starting_after` of the next page. " +
                "Errors: 400 `validation_error` (`status`, `limit` or `starting_after` named).")
            .WithQueryParameter(StatusField, "Only events with this status: failed, retried or resolved.", () => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [JsonValue.Create("failed"), JsonValue.Create("retried"), JsonValue.Create("resolved")],
            })
            .WithQueryParameter(LimitField, $"Page size, 1 to {MaxLimit} (default {DefaultLimit}).", () => new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Minimum = "1",
                Maximum = MaxLimit.ToString(CultureInfo.InvariantCulture),
                Default = JsonValue.Create(DefaultLimit),
            })
            .WithQueryParameter(
                StartingAfterField,
                "Return events older than the event with this id (the previous page's `next_starting_after`).",
                () => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = InputLimits.MaxIdLength })
            .Produces<ApiResponse<FailedEventPageResponse>>()
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest);

        failedEvents.MapGet("/{id}", GetAsync)
            .WithName("GetFailedEvent")
            .WithSummary("Get a failed event")
            .WithDescription("Errors: 400 `validation_error`, 404 `failed_event_not_found`.")
            .Produces<ApiResponse<FailedEventResponse>>()
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status404NotFound);

        failedEvents.MapPost("/{id}/retry", RetryAsync)
            .WithName("RetryFailedEvent")
            .WithSummary("Retry a failed payment")
            .WithDescription(
                "Re-drives the payment of a failed event whose reason is technical (`gateway_unavailable`, `wallet_unavailable`) from its " +
                "stored state. Answers 202 with the failed event, now `retried`; it becomes `resolved` when the payment completes, or `failed` " +
                "again (with `retry_count` raised) when it fails again. Follow the payment at `GET /payments/{payment_id}`. No body. " +
                "Errors: 400 `validation_error`, 404 `failed_event_not_found`, 409 `failed_event_not_retryable` (a business outcome such as " +
                "insufficient_funds or a decline, which a retry cannot change), 409 `failed_event_not_failed` (already retried or resolved).")
            .Produces<ApiResponse<FailedEventResponse>>(StatusCodes.Status202Accepted)
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status404NotFound)
            .Produces<ApiErrorResponse>(StatusCodes.Status409Conflict);

        return endpoints;
    }

    public static string LocationOf(string failedEventId) => "/failed-events/" + Uri.EscapeDataString(failedEventId);

    private static async Task<IResult> ListAsync(
        [FromQuery(Name = StatusField)] string? status,
        [FromQuery(Name = LimitField)] string? limit,
        [FromQuery(Name = StartingAfterField)] string? startingAfter,
        IGrainFactory grains)
    {
        if (CheckStatus(status, out var statusFilter) is { } statusError) return ApiResults.Invalid(statusError);
        if (InputValidation.CheckIntegerRange(limit, LimitField, 1, MaxLimit, DefaultLimit, out var pageSize) is { } limitError)
            return ApiResults.Invalid(limitError);
        if (startingAfter is not null && InputValidation.CheckId(startingAfter, StartingAfterField) is { } cursorError)
            return ApiResults.Invalid(cursorError);

        // One more than the page tells whether another page follows.
        var found = await grains.GetGrain<IFailedEventsGrain>(0).ListAsync(new FailedEventQuery(statusFilter, pageSize + 1, startingAfter));
        var items = found.Take(pageSize).Select(FailedEventResponse.From).ToList();
        var hasMore = found.Count > pageSize;
        return ApiResults.Ok(new FailedEventPageResponse(items, hasMore, hasMore ? items[^1].Id : null));
    }

    private static async Task<IResult> GetAsync([FromRoute(Name = IdField)] string id, IGrainFactory grains)
    {
        if (InputValidation.CheckId(id, IdField) is { } idError) return ApiResults.Invalid(idError);

        var failed = await grains.GetGrain<IFailedEventsGrain>(0).GetAsync(id);
        return failed is null ? FailedEventNotFound(id) : ApiResults.Ok(FailedEventResponse.From(failed));
    }

    private static async Task<IResult> RetryAsync(
        [FromRoute(Name = IdField)] string id, IGrainFactory grains, ClaimsPrincipal caller, ILoggerFactory loggers)
    {
        if (InputValidation.CheckId(id, IdField) is { } idError) return ApiResults.Invalid(idError);

        var failedEvents = grains.GetGrain<IFailedEventsGrain>(0);
        var actor = caller.UserId()!;
        var outcome = await failedEvents.RetryAsync(id, actor);
        OperatorAuditLog.Retried(loggers.CreateLogger(OperatorAuditLog.Category), actor, id, outcome.ToString());
        switch (outcome)
        {
            case FailedEventRetryOutcome.Retried:
                // Read back: the record is `retried`, or already `resolved` if the re-driven payment was quick.
                var retried = await failedEvents.GetAsync(id);
                return retried is null
                    ? FailedEventNotFound(id)
                    : ApiResults.Located(StatusCodes.Status202Accepted, LocationOf(id), FailedEventResponse.From(retried));
            case FailedEventRetryOutcome.NotFound:
                return FailedEventNotFound(id);
            case FailedEventRetryOutcome.NotRetryable:
                return ApiResults.Error(
                    StatusCodes.Status409Conflict,
                    ErrorCodes.FailedEventNotRetryable,
                    $"Failed event '{id}' records a business outcome (or its payment has moved on); retrying cannot change it.");
            case FailedEventRetryOutcome.NotFailed:
                return ApiResults.Error(
                    StatusCodes.Status409Conflict,
                    ErrorCodes.FailedEventNotFailed,
                    $"Failed event '{id}' is already being retried or was resolved.");
            default:
                throw new InvalidOperationException($"Unexpected retry outcome {outcome}.");
        }
    }

    private static ApiError? CheckStatus(string? value, out FailedEventStatus? status)
    {
        status = value switch
        {
            null => null,
            "failed" => FailedEventStatus.Failed,
            "retried" => FailedEventStatus.Retried,
            "resolved" => FailedEventStatus.Resolved,
            _ => null,
        };
        return value is null || status is not null
            ? null
            : InputValidation.Invalid(StatusField, $"'{StatusField}' must be failed, retried or resolved.");
    }

    private static IResult FailedEventNotFound(string id) =>
        ApiResults.Error(StatusCodes.Status404NotFound, ErrorCodes.FailedEventNotFound, $"No failed event has id '{id}'.", IdField);
}
