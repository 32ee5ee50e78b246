using PaymentActors.Money;

namespace PaymentActors.Orders;

/// <summary>
/// An order's totals, in exact decimals: each line is unit price × quantity, the order the sum of its lines, every amount
/// carrying exactly the currency's minor units (0 for JPY, 3 for KWD). A unit price must already fit the currency's minor
/// units, so no rounding ever happens; a total past <see cref="Money.Money.MaxAmount"/> is refused.
/// </summary>
public static class OrderPricing
{
    public const int MaxItems = 100;
    public const int MaxQuantity = 100_000;

    /// <summary>The lines with their totals and the order's total; false when the total is too large.</summary>
    public static bool TryPrice(IEnumerable<(long ProductId, int Quantity, decimal UnitPrice)> lines, string currency, out IReadOnlyList<OrderLine> priced, out decimal total)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var minorUnits = CurrencyCatalog.TryGet(currency, out var found) ? found.MinorUnits : 2;
        var result = new List<OrderLine>();
        total = 0m;
        foreach (var (productId, quantity, unitPrice) in lines)
        {
            var lineTotal = Scale(unitPrice * quantity, minorUnits);
            result.Add(new OrderLine(productId, quantity, Scale(unitPrice, minorUnits), lineTotal));
            total += lineTotal;
        }

        total = Scale(total, minorUnits);
        priced = result;
        return total <= Money.Money.MaxAmount;
    }

    /// <summary>The same value with exactly <paramref name="minorUnits"/> decimals (the value already fits them).</summary>
    private static decimal Scale(decimal value, int minorUnits) => decimal.Round(value, minorUnits) + ScaleZero(minorUnits);

    private static decimal ScaleZero(int minorUnits) => minorUnits switch
    {
        0 => 0m,
        1 => 0.0m,
        2 => 0.00m,
        3 => 0.000m,
        _ => 0.0000m,
    };
}
