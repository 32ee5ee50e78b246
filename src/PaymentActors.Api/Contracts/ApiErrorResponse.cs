namespace PaymentActors.Api.Contracts;

/// <summary>The envelope of every error: <c>{"success": false, "error": {...}}</c>.</summary>
public sealed record ApiErrorResponse(ApiError Error)
{
    public bool Success => false;
}
