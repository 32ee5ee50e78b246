using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PaymentActors.Api.Contracts;

namespace PaymentActors.Api.OpenApi;

/// <summary>
/// Gives each request body a valid example, which the docs' "try it" fills in. Without one the docs make the body up
/// from the schema, with null for every required field (nullable so that a missing one is named), and it is refused.
/// </summary>
public sealed class RequestExampleTransformer : IOpenApiSchemaTransformer
{
    private const string Address = """{"street": "Av. Principal 123", "city": "Lima", "state": "Lima", "postal_code": "15001", "country": "Peru"}""";
    private const string Order = $$"""
        "items": [{"product_id": 1, "quantity": 3, "unit_price": "33.33"}], "shipping_address": {{Address}}, "billing_address": {{Address}}
        """;

    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(DepositRequest)] = """{"amount": "100.00", "currency": "USD"}""",
        [typeof(CreatePaymentRequest)] = """{"user_id": "alice", "service_id": "svc-1", "amount": "25.50", "currency": "USD", "description": "Pago de servicio"}""",
        [typeof(RefundRequest)] = """{"amount": "5.00", "reason": "damaged"}""",
        [typeof(CreateOrderRequest)] = $$"""{"user_id": "alice", "currency": "USD", {{Order}}}""",
        [typeof(UpdateOrderRequest)] = $$"""{{{Order}}}""",
        [typeof(OrderStatusRequest)] = """{"status": "processing"}""",
    };

    /// <summary>The example of a request body type, if it has one.</summary>
    public static JsonNode? ExampleOf(Type type) => Examples.TryGetValue(type, out var json) ? JsonNode.Parse(json) : null;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (ExampleOf(context.JsonTypeInfo.Type) is { } example)
        {
            schema.Examples = [example];
        }

        return Task.CompletedTask;
    }
}
