namespace PaymentActors.Repeats;

/// <summary>
/// Marks a grain method whose call may arrive twice with the same effect as once: a read, or an operation made
/// idempotent by an id in its grain key or its arguments (a payment, deposit or refund id the caller minted before the
/// call). A front door in client mode repeats such a call when the silo it went to died or left
/// (<c>RepeatOnSiloLossFilter</c>); a method without it is never repeated.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SafeToRepeatAttribute : Attribute;
