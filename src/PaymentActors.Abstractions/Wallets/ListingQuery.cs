namespace PaymentActors.Wallets;

/// <summary>
/// Which rows of one kind (<see cref="ListingRow.Payment"/> or <see cref="ListingRow.Order"/>) to read, newest first:
/// those after <see cref="AfterKey"/> (a row's <see cref="ListingRow.SortKey"/>: strictly older), created in
/// [<see cref="CreatedFrom"/>, <see cref="CreatedBefore"/>), with <see cref="Status"/> (rows not settled always pass)
/// and <see cref="OrderId"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.ListingQuery")]
public sealed record ListingQuery(
    [property: Id(0)] string Kind,
    [property: Id(1)] string? AfterKey = null,
    [property: Id(2)] DateTimeOffset? CreatedFrom = null,
    [property: Id(3)] DateTimeOffset? CreatedBefore = null,
    [property: Id(4)] string? Status = null,
    [property: Id(5)] string? OrderId = null)
{
    /// <summary>The same filter in memory, for the in-memory store.</summary>
    public bool Matches(ListingRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var key = row.SortKey;
        return row.Kind == Kind
            && (AfterKey is null || string.CompareOrdinal(key, AfterKey) > 0)
            && (CreatedFrom is not { } from || string.CompareOrdinal(key, ListingRow.TimeBound(from)) < 0)
            && (CreatedBefore is not { } before || string.CompareOrdinal(key, ListingRow.TimeBound(before)) >= 0)
            && (Status is null || !row.Settled || row.Status == Status)
            && (OrderId is null || row.OrderId == OrderId);
    }
}
