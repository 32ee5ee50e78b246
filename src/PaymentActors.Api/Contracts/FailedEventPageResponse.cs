using System.ComponentModel;

namespace PaymentActors.Api.Contracts;

/// <summary>One page of failed events, newest first.</summary>
public sealed record FailedEventPageResponse(
    IReadOnlyList<FailedEventResponse> Items,
    [property: Description("True when older failed events follow; fetch them with starting_after = next_starting_after.")]
    bool HasMore,
    [property: Description("The id to pass as starting_after for the next page, or null on the last page.")]
    string? NextStartingAfter);
