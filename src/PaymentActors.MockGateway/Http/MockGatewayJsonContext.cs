using System.Text.Json.Serialization;
using PaymentActors.MockGateway.Admin;
using PaymentActors.MockGateway.Authorizations;
using PaymentActors.MockGateway.Behaviour;
using PaymentActors.MockGateway.Charges;
using PaymentActors.MockGateway.Diagnostics;
using PaymentActors.MockGateway.Refunds;

namespace PaymentActors.MockGateway.Http;

/// <summary>The gateway speaks snake_case JSON; numbers are never read from strings (amounts are strings).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ChargeRequestBody))]
[JsonSerializable(typeof(ChargeView))]
[JsonSerializable(typeof(RefundRequestBody))]
[JsonSerializable(typeof(RefundView))]
[JsonSerializable(typeof(AuthorizationRequestBody))]
[JsonSerializable(typeof(AuthorizationView))]
[JsonSerializable(typeof(CaptureRequestBody))]
[JsonSerializable(typeof(SettlementView))]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(GatewayBehaviour))]
[JsonSerializable(typeof(BehaviourUpdate))]
[JsonSerializable(typeof(GatewayStatsView))]
[JsonSerializable(typeof(HealthView))]
public sealed partial class MockGatewayJsonContext : JsonSerializerContext;
