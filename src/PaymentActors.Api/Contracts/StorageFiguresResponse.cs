using System.ComponentModel;
using PaymentActors.Metrics;

namespace PaymentActors.Api.Contracts;

/// <summary>Requests sent to Azure Storage by the whole system: every active silo, and this front door when it is a client of them.</summary>
public sealed record StorageFiguresResponse(
    [property: Description("Read requests (point reads and queries) since the processes started.")]
    long Reads,
    [property: Description("Write requests (inserts, updates, upserts, merges, deletes, batches, table creation) since the processes started.")]
    long Writes,
    [property: Description("Processes whose counts are included: the silos that answered, plus the front door in client mode. Zero requests with in-memory storage.")]
    int Processes,
    [property: Description("The requests by service (grain_state, reminders, clustering, wallets, failed_events), table, operation and kind.")]
    IReadOnlyList<StorageRequestsResponse> Requests)
{
    public static StorageFiguresResponse From(StorageFigures figures) => new(
        figures.Reads,
        figures.Writes,
        figures.Processes,
        [.. figures.Requests.Select(r => new StorageRequestsResponse(r.Service, r.Table, r.Operation, r.IsWrite ? "write" : "read", r.Count))]);
}

/// <summary>One kind of storage request and how many were sent.</summary>
public sealed record StorageRequestsResponse(
    [property: Description("Which part of the system sent them: grain_state, reminders, clustering, wallets or failed_events.")]
    string Service,
    string Table,
    [property: Description("read, query, insert, update, upsert, merge, upsert_merge, delete, batch, create_table, …")]
    string Operation,
    [property: Description("read or write.")]
    string Kind,
    long Count);
