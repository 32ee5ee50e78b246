namespace PaymentActors.Repeats;

/// <summary>
/// An answer that may only say "the first call of this operation is still at work" (a create whose payment is not yet
/// durable). A repeated call that gets it waits and asks again instead of handing it back in place of the first call's
/// answer, which may have been lost with its silo.
/// </summary>
public interface IInterimAnswer
{
    bool IsInterim { get; }
}
