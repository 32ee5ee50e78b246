using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PaymentActors.MockGateway.Http;

/// <summary>Reads bodies by hand so a malformed one gets the error envelope, not the framework's empty 400.</summary>
public static class JsonBody
{
    public static async Task<BodyRead<T>> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return new(null, ApiResults.Error(
                StatusCodes.Status415UnsupportedMediaType,
                new ErrorBody(ErrorCodes.UnsupportedMediaType, "The body must be JSON (Content-Type: application/json).", null)));
        }

        try
        {
            var value = await request.ReadFromJsonAsync(typeInfo, request.HttpContext.RequestAborted);
            return value is null
                ? new(null, ApiResults.BadRequest(new ErrorBody(ErrorCodes.InvalidJson, "A JSON object is required.", null)))
                : new(value, null);
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
            var message = field is null
                ? "The body is not valid JSON."
                : $"{field} has the wrong JSON type; amounts are JSON strings.";
            return new(null, ApiResults.BadRequest(new ErrorBody(ErrorCodes.InvalidJson, message, field)));
        }
    }
}
