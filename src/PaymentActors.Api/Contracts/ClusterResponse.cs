using System.ComponentModel;

namespace PaymentActors.Api.Contracts;

/// <summary>The silos of the cluster as the membership table records them.</summary>
public sealed record ClusterResponse(
    [property: Description("Every silo in the membership table, active first, then newest first; dead silos stay listed until Orleans cleans them up.")]
    IReadOnlyList<ClusterSiloResponse> Silos);
