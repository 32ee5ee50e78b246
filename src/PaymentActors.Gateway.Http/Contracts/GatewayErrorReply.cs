namespace PaymentActors.Gateway.Http.Contracts;

/// <summary><c>{"success":false,"error":{...}}</c>.</summary>
internal sealed record GatewayErrorReply(GatewayErrorDetail? Error);
