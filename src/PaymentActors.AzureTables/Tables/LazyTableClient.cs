using Azure.Data.Tables;

namespace PaymentActors.AzureTables.Tables;

/// <summary>
/// Creates a table once, on first use, for stores that live outside the silo lifecycle.
/// A failed attempt is not remembered, so the next call tries again (Azurite may start after the app).
/// </summary>
internal sealed class LazyTableClient(TableServiceClient service, string tableName)
{
    private readonly Lock _gate = new();
    private Task<TableClient>? _ready;

    public Task<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        Task<TableClient> ready;
        lock (_gate)
        {
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
            {
                _ready = CreateAsync();
            }

            ready = _ready;
        }

        return ready.WaitAsync(cancellationToken);
    }

    private async Task<TableClient> CreateAsync()
    {
        var table = service.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        return table;
    }
}
