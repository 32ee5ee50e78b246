using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using PaymentActors.Api.Contracts;
using PaymentActors.Identifiers;

namespace PaymentActors.Api.OpenApi;

/// <summary>
/// Adds to every operation the answers the pipeline gives on its behalf, read from the endpoint's own metadata, so a
/// new route is documented as it behaves without declaring them: 400 when it reads any input, 401 and 403 unless it is
/// anonymous, 429 unless rate limiting is off for it, 408, 413 and 415 when it reads a body, 500 and 503 always (an unhandled
/// error; the cluster not answering). Each carries the error envelope. Path parameters that are ids get the id grammar.
/// What only the handler knows (404, 409, 422) the endpoint declares with <c>Produces&lt;ApiErrorResponse&gt;</c>.
/// </summary>
public sealed class ContractResponsesTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var throttled = !metadata.OfType<DisableRateLimitingAttribute>().Any();
        var hasBody = operation.RequestBody is not null;
        var hasInput = hasBody || operation.Parameters is { Count: > 0 };

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Path && IsId(parameter.Name))
            {
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdGrammar.MaxLength, Pattern = IdGrammar.Pattern };
                parameter.Description ??= $"An id: 1 to {IdGrammar.MaxLength} characters, ASCII letters, digits and -._~!$&'()*+,;=:@|.";
            }
        }

        var envelope = await ErrorEnvelopeAsync(context, cancellationToken);
        operation.Responses ??= new OpenApiResponses();
        foreach (var (status, description) in PipelineErrors(hasInput, hasBody, anonymous, throttled, callsCluster: true))
        {
            operation.Responses.TryAdd(status, ErrorResponse(status, description, envelope));
        }
    }

    /// <summary>The error answers the pipeline gives a route, by what the route reads and how it is guarded.</summary>
    internal static IEnumerable<(string Status, string Description)> PipelineErrors(bool hasInput, bool hasBody, bool anonymous, bool throttled, bool callsCluster)
    {
        if (hasInput) yield return ("400", "`validation_error`: a parameter, header or body field is malformed or out of limits; `field` names it. Nothing changed.");
        if (!anonymous)
        {
            yield return ("401", "`unauthorized`: no valid bearer token.");
            yield return ("403", "`forbidden`: the token's role (or a missing `sub` claim) does not allow this.");
        }

        if (hasBody)
        {
            yield return ("408", "`request_timeout`: the body was not received in time.");
            yield return ("413", "`payload_too_large`: the body is over the size limit.");
            yield return ("415", "`unsupported_media_type`: the body is not sent as `application/json`.");
        }

        if (throttled) yield return ("429", "`rate_limited`: over the caller's rate limit; retry after `Retry-After` seconds.");
        if (callsCluster)
        {
            yield return ("500", "`internal_error`: an unexpected error.");
            yield return ("503", "`service_unavailable`: the payment cluster did not answer in time; retry (with the same `Idempotency-Key`).");
        }
    }

    /// <summary>An error answer: the envelope, and <c>Retry-After</c> on a 429.</summary>
    internal static OpenApiResponse ErrorResponse(string status, string description, IOpenApiSchema envelope)
    {
        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = envelope } },
        };
        if (status == "429")
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before retrying.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            };
        }

        return response;
    }

    /// <summary>Route parameters named <c>id</c> or <c>*_id</c> are ids, checked by the one id grammar.</summary>
    private static bool IsId(string? name) => name is not null && (name == "id" || name.EndsWith("_id", StringComparison.Ordinal));

    private static async Task<IOpenApiSchema> ErrorEnvelopeAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        const string Name = nameof(ApiErrorResponse);
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(Name) != true)
        {
            document.AddComponent(Name, await context.GetOrCreateSchemaAsync(typeof(ApiErrorResponse), cancellationToken: cancellationToken));
        }

        return new OpenApiSchemaReference(Name, document);
    }
}
