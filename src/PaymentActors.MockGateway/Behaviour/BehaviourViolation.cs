namespace PaymentActors.MockGateway.Behaviour;

/// <summary>Why a behaviour was refused, naming the JSON field at fault.</summary>
public sealed record BehaviourViolation(string Field, string Message);
