using System.Globalization;

namespace PaymentActors.Wallets;

/// <summary>
/// One payment or order in its user's list: an index row kept in the user's wallet partition and written with the
/// wallet's group commit, so that listing a user's payments or orders reads a range of rows instead of every grain.
/// Rows are ordered newest first by (<see cref="CreatedAt"/>, <see cref="Id"/>), which never change, so a cursor stays
/// valid while new items arrive. <see cref="Status"/> is what the writer knew; a row that is not <see cref="Settled"/>
/// (a payment in flight, an order whose payment is in flight) may have moved on without a write of its own, so a list
/// checks it against its grain whatever status it asks for.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.ListingRow")]
public sealed record ListingRow(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Id,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] string Status,
    [property: Id(4)] bool Settled,
    [property: Id(5)] string? OrderId = null)
{
    public const string Payment = "payment";
    public const string Order = "order";

    /// <summary>The row's place in its list: ascending order of this key is newest first.</summary>
    public string SortKey => SortKeyOf(CreatedAt, Id);

    /// <summary>Inverted ticks (fixed width), then the id: newest first, ties broken by id.</summary>
    public static string SortKeyOf(DateTimeOffset createdAt, string id) => InvertedTicks(createdAt) + id;

    /// <summary>
    /// The key that splits a list at a moment: rows created at <paramref name="at"/> or later sort below it, rows created
    /// before it sort at or above it.
    /// </summary>
    public static string TimeBound(DateTimeOffset at) => Inverted(at.UtcTicks - 1);

    private static string InvertedTicks(DateTimeOffset at) => Inverted(at.UtcTicks);

    private static string Inverted(long ticks) =>
        (DateTimeOffset.MaxValue.UtcTicks - ticks).ToString("D19", CultureInfo.InvariantCulture);
}
