using PaymentActors.Identifiers;
using PaymentActors.Money;

namespace PaymentActors.Grains;

/// <summary>Grains defend their own invariants even though the front door validates first.</summary>
internal static class GrainArguments
{
    /// <summary>Ids become keys (grains, storage rows, the gateway's records): the one grammar the front door enforces.</summary>
    public static void RequireId(string? id, string name) => IdGrammar.Require(id, name);

    public static void RequireValid(Money.Money amount)
    {
        if (!Money.Money.TryCreate(amount.Amount, amount.Currency, out _, out var error))
        {
            throw new ArgumentException(error.Describe(amount.Currency), nameof(amount));
        }
    }
}
