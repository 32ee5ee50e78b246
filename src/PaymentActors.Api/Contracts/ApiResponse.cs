using System.Text.Json.Serialization;

namespace PaymentActors.Api.Contracts;

/// <summary>The envelope of every successful answer: <c>{"success": true, "data": ...}</c>.</summary>
public sealed record ApiResponse<T>(T Data)
{
    [JsonPropertyOrder(-1)]
    public bool Success => true;
}
