using System.Text.Json.Serialization;

namespace PaymentActors.Api.Contracts;

/// <summary>The envelope of every error: <c>{"success": false, "error": {...}}</c>.</summary>
public sealed record ApiErrorResponse(ApiError Error)
{
    [JsonPropertyOrder(-1)]
    public bool Success => false;
}
