using System.ComponentModel;

namespace PaymentActors.Api.Contracts;

/// <summary>One silo: where it is, its membership status, when it started and how many grains it holds.</summary>
public sealed record ClusterSiloResponse(
    [property: Description("The silo's address: IP:port@generation (the generation tells one run of a silo from the next on the same port).")]
    string Address,
    [property: Description("active, joining, shutting_down or dead.")]
    string Status,
    [property: Description("When the silo started (UTC).")]
    DateTime StartedAt,
    [property: Description("Grain activations on the silo; null when the silo is not active or did not answer.")]
    int? Activations);
