namespace PaymentActors.Cli.Reporting;

/// <summary>Whether an optional route of the API (refunds, cancel) answered.</summary>
public enum FeatureSupport
{
    NotExercised,
    Supported,

    /// <summary>The route answered 404/405 without the API's envelope: not implemented, skipped for the rest of the run.</summary>
    Missing,
}
