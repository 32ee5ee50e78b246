using System.Globalization;
using System.Net;
using Azure.Data.Tables;
using PaymentActors.AzureTables.Tables;

namespace PaymentActors.AzureTables.Clustering;

/// <summary>
/// Membership rows: PartitionKey = the escaped cluster id, so that one entity-group transaction can change a silo's row
/// and the table-version row together (Azure transactions never span partitions). RowKey = the silo address in its
/// parsable form ("ip:port@generation", escaped), or "VersionRow" for the version, which no silo address can equal.
/// </summary>
internal static class MembershipEntities
{
    public const string VersionRowKey = "VersionRow";

    public const string VersionProperty = "MembershipVersion";
    public const string StatusProperty = "Status";
    public const string ProxyPortProperty = "ProxyPort";
    public const string IAmAliveTimeProperty = "IAmAliveTime";

    private const string SiloAddressProperty = "SiloAddress";
    private const string HostNameProperty = "HostName";
    private const string SiloNameProperty = "SiloName";
    private const string RoleNameProperty = "RoleName";
    private const string UpdateZoneProperty = "UpdateZone";
    private const string FaultZoneProperty = "FaultZone";
    private const string StartTimeProperty = "StartTime";
    private const string SuspectTimesProperty = "SuspectTimes";

    public static string Partition(string clusterId) => TableKeyEncoder.Escape(clusterId);

    public static string Row(SiloAddress siloAddress) => TableKeyEncoder.Escape(siloAddress.ToParsableString());

    public static TableEntity VersionEntity(string clusterId, int version) =>
        new(Partition(clusterId), VersionRowKey) { [VersionProperty] = version };

    public static TableEntity ToEntity(string clusterId, MembershipEntry entry) => new(Partition(clusterId), Row(entry.SiloAddress))
    {
        [SiloAddressProperty] = entry.SiloAddress.ToParsableString(),
        [StatusProperty] = (int)entry.Status,
        [ProxyPortProperty] = entry.ProxyPort,
        [HostNameProperty] = entry.HostName,
        [SiloNameProperty] = entry.SiloName,
        [RoleNameProperty] = entry.RoleName,
        [UpdateZoneProperty] = entry.UpdateZone,
        [FaultZoneProperty] = entry.FaultZone,
        [StartTimeProperty] = Utc(entry.StartTime),
        [IAmAliveTimeProperty] = Utc(entry.IAmAliveTime),
        [SuspectTimesProperty] = FormatSuspectTimes(entry.SuspectTimes),
    };

    public static TableEntity IAmAliveEntity(string clusterId, MembershipEntry entry) =>
        new(Partition(clusterId), Row(entry.SiloAddress)) { [IAmAliveTimeProperty] = Utc(entry.IAmAliveTime) };

    public static MembershipEntry FromEntity(TableEntity entity) => new()
    {
        SiloAddress = SiloAddress.FromParsableString(entity.GetString(SiloAddressProperty)),
        Status = (SiloStatus)(entity.GetInt32(StatusProperty) ?? 0),
        ProxyPort = entity.GetInt32(ProxyPortProperty) ?? 0,
        HostName = entity.GetString(HostNameProperty),
        SiloName = entity.GetString(SiloNameProperty),
        RoleName = entity.GetString(RoleNameProperty),
        UpdateZone = entity.GetInt32(UpdateZoneProperty) ?? 0,
        FaultZone = entity.GetInt32(FaultZoneProperty) ?? 0,
        StartTime = entity.GetDateTime(StartTimeProperty) ?? default,
        IAmAliveTime = entity.GetDateTime(IAmAliveTimeProperty) ?? default,
        SuspectTimes = ParseSuspectTimes(entity.GetString(SuspectTimesProperty)),
    };

    /// <summary>The gateway endpoint of an active silo row, or null when the silo is not an active gateway.</summary>
    public static Uri? GatewayUri(TableEntity entity)
    {
        if ((SiloStatus)(entity.GetInt32(StatusProperty) ?? 0) != SiloStatus.Active || entity.GetInt32(ProxyPortProperty) is not > 0)
        {
            return null;
        }

        var silo = SiloAddress.FromParsableString(entity.GetString(SiloAddressProperty));
        var gateway = SiloAddress.New(new IPEndPoint(silo.Endpoint.Address, entity.GetInt32(ProxyPortProperty)!.Value), silo.Generation);
        return gateway.ToGatewayUri();
    }

    // "address,utcTicks" pairs joined by '|': parsable silo addresses contain neither ',' nor '|'.
    private static string FormatSuspectTimes(List<Tuple<SiloAddress, DateTime>>? suspectTimes) =>
        suspectTimes is null or { Count: 0 }
            ? string.Empty
            : string.Join('|', suspectTimes.Select(suspect =>
                suspect.Item1.ToParsableString() + "," + Utc(suspect.Item2).Ticks.ToString(CultureInfo.InvariantCulture)));

    private static List<Tuple<SiloAddress, DateTime>> ParseSuspectTimes(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : text.Split('|').Select(pair =>
            {
                var comma = pair.LastIndexOf(',');
                return Tuple.Create(
                    SiloAddress.FromParsableString(pair[..comma]),
                    new DateTime(long.Parse(pair.AsSpan(comma + 1), CultureInfo.InvariantCulture), DateTimeKind.Utc));
            }).ToList();

    private static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
}
