using System.Text.Json.Serialization;

namespace PaymentActors.Gateway.Http.Contracts;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ChargeBody))]
[JsonSerializable(typeof(RefundBody))]
[JsonSerializable(typeof(AuthorizationBody))]
[JsonSerializable(typeof(CaptureBody))]
[JsonSerializable(typeof(GatewayReply))]
[JsonSerializable(typeof(GatewayErrorReply))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
