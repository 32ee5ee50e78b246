namespace PaymentActors.Cli.Api;

/// <summary>Every API answer: <c>{"success":true,"data":...}</c> or <c>{"success":false,"error":{...}}</c>.</summary>
internal sealed record ApiEnvelope<T>(bool Success, T? Data, ApiErrorBody? Error);
