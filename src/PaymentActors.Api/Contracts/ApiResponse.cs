namespace PaymentActors.Api.Contracts;

/// <summary>The envelope of every successful answer: <c>{"success": true, "data": ...}</c>.</summary>
public sealed record ApiResponse<T>(T Data)
{
    public bool Success => true;
}
