using System.ComponentModel;

namespace PaymentActors.Api.Contracts;

/// <summary>One page of a list, newest first, shaped as <c>GET /failed-events</c> pages are.</summary>
public sealed record PageResponse<T>(
    IReadOnlyList<T> Items,
    [property: Description("True when older items follow; fetch them with starting_after = next_starting_after.")]
    bool HasMore,
    [property: Description("The value to pass as starting_after for the next page, or null on the last page.")]
    string? NextStartingAfter);
