using PaymentActors.Money;

namespace PaymentActors.Grains;

/// <summary>Grains defend their own invariants even though the front door validates first.</summary>
internal static class GrainArguments
{
    public const int MaxIdLength = 255;

    public static void RequireId(string? id, string name)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength || id.Any(char.IsControl))
        {
            throw new ArgumentException($"{name} must be 1 to {MaxIdLength} characters without control characters.", name);
        }
    }

    public static void RequireValid(Money.Money amount)
    {
        if (!Money.Money.TryCreate(amount.Amount, amount.Currency, out _, out var error))
        {
            throw new ArgumentException(error.Describe(amount.Currency), nameof(amount));
        }
    }
}
