using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PaymentActors.Api.OpenApi;

/// <summary>
/// A request body's required fields are exactly its <see cref="RequiredAttribute"/> properties. The generator would
/// otherwise require every constructor parameter without a default, which for the nullable request records (nullable
/// so that a missing field is named) is every field, optional ones too. Request types are the contract's records whose
/// name ends in <c>Request</c> or <c>Body</c>.
/// </summary>
public sealed class RequestSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && IsRequestType(type))
        {
            var required = context.JsonTypeInfo.Properties
                .Where(property => property.AttributeProvider is MemberInfo member && member.GetCustomAttribute<RequiredAttribute>() is not null)
                .Select(property => property.Name)
                .ToHashSet(StringComparer.Ordinal);
            schema.Required = required.Count > 0 ? required : null;
        }

        return Task.CompletedTask;
    }

    private static bool IsRequestType(Type type) =>
        type.Namespace == typeof(Contracts.DepositRequest).Namespace
        && (type.Name.EndsWith("Request", StringComparison.Ordinal) || type.Name.EndsWith("Body", StringComparison.Ordinal));
}
