using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PaymentActors.Api.Hosting;

/// <summary>Describes the API as a whole: its conventions for envelopes, amounts, errors and idempotency.</summary>
public sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "PaymentActors API",
            Version = "v1",
            Description =
                "Payments as virtual actors on Microsoft Orleans. Every answer is an envelope: " +
                "`{\"success\": true, \"data\": ...}` or `{\"success\": false, \"error\": {\"code\", \"message\", \"field\"}}`. " +
                "Amounts are strings with the currency's decimals (\"100.50\"); inputs accept a JSON number or a string and are read " +
                "exactly as decimals. Error statuses: 400 `validation_error` (malformed JSON, wrong type, missing field, value out of limits; " +
                "`field` names it), 404 `payment_not_found` / `wallet_not_found`, 409 `idempotency_key_in_use`, " +
                "422 `idempotency_key_reused` / `currency_mismatch`, 503 `service_unavailable`. Bad input changes nothing. " +
                "POSTs accept an `Idempotency-Key` header (1–255 characters): a retry with the same key and body returns the first " +
                "result with `Idempotent-Replayed: true`. Limits: ids 1–255 characters without control characters; description at most 1024.",
        };
        return Task.CompletedTask;
    }
}
