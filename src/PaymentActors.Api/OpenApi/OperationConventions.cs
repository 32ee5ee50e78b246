using Microsoft.OpenApi;
using PaymentActors.Api.Http;
using PaymentActors.Api.Validation;

namespace PaymentActors.Api.OpenApi;

/// <summary>Documents the headers and query flags that endpoints read by hand rather than through parameter binding.</summary>
public static class OperationConventions
{
    /// <summary>Adds the optional <c>Idempotency-Key</c> request header and the <c>Idempotent-Replayed</c> response header.</summary>
    public static TBuilder WithIdempotencyKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.AddOpenApiOperationTransformer((operation, _, _) =>
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = ApiHeaders.IdempotencyKey,
            In = ParameterLocation.Header,
            Required = false,
            Description = $"Optional, 1–{InputLimits.MaxIdempotencyKeyLength} printable ASCII characters. Retrying with the same key and body returns the first result once, " +
                "with `Idempotent-Replayed: true`; the same key with a different body is refused with 422 `idempotency_key_reused`. " +
                "Keys are scoped to the user.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = InputLimits.MaxIdempotencyKeyLength },
        });
        foreach (var response in SuccessResponses(operation))
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[ApiHeaders.IdempotentReplayed] = new OpenApiHeader
            {
                Description = "`true` when this answer replays an earlier request with the same Idempotency-Key.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }

        return Task.CompletedTask;
    });

    /// <summary>Documents a hand-parsed boolean query flag and the <c>Location</c> header of the payment answers.</summary>
    public static TBuilder WithWaitFlag<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder => builder.AddOpenApiOperationTransformer((operation, _, _) =>
    {
        if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == name) is { } parameter)
        {
            parameter.Description = description;
            parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = System.Text.Json.Nodes.JsonValue.Create(false) };
        }

        foreach (var response in SuccessResponses(operation))
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Location"] = new OpenApiHeader
            {
                Description = "The payment's URL, `/payments/{id}`.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }

        return Task.CompletedTask;
    });

    /// <summary>
    /// Describes a query parameter that is bound as text and validated by hand, with the schema of what it accepts;
    /// <paramref name="required"/> when the handler refuses a request without it (binding as text cannot tell).
    /// </summary>
    public static TBuilder WithQueryParameter<TBuilder>(this TBuilder builder, string name, string description, Func<OpenApiSchema> schema, bool required = false)
        where TBuilder : IEndpointConventionBuilder => builder.AddOpenApiOperationTransformer((operation, _, _) =>
    {
        if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == name && p.In == ParameterLocation.Query) is { } parameter)
        {
            parameter.Description = description;
            parameter.Schema = schema();
            parameter.Required = required;
        }

        return Task.CompletedTask;
    });

    private static IEnumerable<OpenApiResponse> SuccessResponses(OpenApiOperation operation) =>
        (operation.Responses ?? [])
            .Where(r => r.Key.StartsWith('2'))
            .Select(r => r.Value)
            .OfType<OpenApiResponse>();
}
