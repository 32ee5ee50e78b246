using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using PaymentActors.AzureTables.Diagnostics;
using PaymentActors.AzureTables.Options;

namespace PaymentActors.AzureTables.Storage;

/// <summary>
/// Grain storage on Azure Tables: one entity per grain state (see <see cref="GrainStateKeys"/>), state serialized by
/// <see cref="IGrainStorageSerializer"/> into binary chunks (see <see cref="GrainStateChunks"/>), ETag concurrency:
/// the first write inserts, later writes replace If-Match the ETag this activation holds.
/// </summary>
public sealed class AzureTableGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private const string GrainIdPropertyName = "GrainId";

    private readonly string _name;
    private readonly AzureTableStorageOptions _options;
    private readonly string _serviceId;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activatorProvider;
    private readonly StorageInstruments _instruments;
    private readonly ILogger<AzureTableGrainStorage> _logger;
    private TableClient? _table;

    public AzureTableGrainStorage(
        string name,
        AzureTableStorageOptions options,
        IGrainStorageSerializer serializer,
        IOptions<ClusterOptions> clusterOptions,
        IActivatorProvider activatorProvider,
        StorageInstruments instruments,
        ILogger<AzureTableGrainStorage> logger)
    {
        _name = name;
        _options = options;
        _serializer = serializer;
        _serviceId = clusterOptions.Value.ServiceId;
        _activatorProvider = activatorProvider;
        _instruments = instruments;
        _logger = logger;
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(AzureTableGrainStorage)}-{_name}", _options.InitStage, InitializeAsync, _ => Task.CompletedTask);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var table = GetTable();
        var keys = GrainStateKeys.For(_serviceId, grainId, stateName);
        var startedAt = Stopwatch.GetTimestamp();
        NullableResponse<TableEntity> response;
        try
        {
            response = await table.GetEntityIfExistsAsync<TableEntity>(keys.PartitionKey, keys.RowKey, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException exception)
        {
            AzureTableGrainStorageLog.OperationFailed(_logger, exception, _name, "read", stateName, grainId);
            throw;
        }
        finally
        {
            _instruments.GrainStateRead(_name, stateName, startedAt);
        }

        if (!response.HasValue)
        {
            ResetState(grainState, eTag: null);
            return;
        }

        var entity = response.Value!;
        var data = GrainStateChunks.Read(entity);
        if (data is null)
        {
            // A cleared entity kept for its ETag (DeleteStateOnClear = false): no record, but writes must match its ETag.
            ResetState(grainState, entity.ETag.ToString());
            return;
        }

        grainState.State = _serializer.Deserialize<T>(new BinaryData(data));
        grainState.ETag = entity.ETag.ToString();
        grainState.RecordExists = true;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var table = GetTable();
        var data = _serializer.Serialize(grainState.State);
        if (data.Length > GrainStateChunks.MaxStateBytes)
        {
            AzureTableGrainStorageLog.StateTooLarge(_logger, _name, stateName, grainId, data.Length, GrainStateChunks.MaxStateBytes);
            throw new GrainStateTooLargeException(
                $"State '{stateName}' of grain {grainId} is {data.Length} bytes once serialized; storage '{_name}' keeps one state " +
                $"in one Azure Table entity, which holds at most {GrainStateChunks.MaxStateBytes} bytes. Nothing was written.");
        }

        var keys = GrainStateKeys.For(_serviceId, grainId, stateName);
        var entity = new TableEntity(keys.PartitionKey, keys.RowKey) { [GrainIdPropertyName] = grainId.ToString() };
        GrainStateChunks.Write(entity, data.ToMemory());

        var response = await SendConditionalAsync(table, entity, grainState.ETag, "write", stateName, grainId, cancellationToken)
            .ConfigureAwait(false);
        grainState.ETag = response.Headers.ETag?.ToString();
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var table = GetTable();
        var keys = GrainStateKeys.For(_serviceId, grainId, stateName);
        if (_options.DeleteStateOnClear)
        {
            await DeleteAsync(table, keys, grainState.ETag, stateName, grainId, cancellationToken).ConfigureAwait(false);
            ResetState(grainState, eTag: null);
            return;
        }

        // Keep an empty entity so that the next write still has to match an ETag (no resurrection by a stale activation).
        var blank = new TableEntity(keys.PartitionKey, keys.RowKey) { [GrainIdPropertyName] = grainId.ToString() };
        var response = await SendConditionalAsync(table, blank, grainState.ETag, "clear", stateName, grainId, cancellationToken)
            .ConfigureAwait(false);
        ResetState(grainState, response.Headers.ETag?.ToString());
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var createClient = _options.CreateClient
            ?? throw new InvalidOperationException($"Grain storage '{_name}' has no Azure Table client; call ConfigureTableServiceClient.");
        var service = await createClient().ConfigureAwait(false);
        var table = service.GetTableClient(_options.TableName);
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        _table = table;
        AzureTableGrainStorageLog.TableReady(_logger, _name, _options.TableName);
    }

    /// <summary>Insert when this activation saw no entity (ETag null), otherwise replace If-Match its ETag.</summary>
    private async Task<Response> SendConditionalAsync(
        TableClient table, TableEntity entity, string? eTag, string operation, string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            return eTag is null
                ? await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false)
                : await table.UpdateEntityAsync(entity, new ETag(eTag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 409 or 412)
        {
            throw Conflict(operation, stateName, grainId, eTag, exception.Status, exception);
        }
        catch (RequestFailedException exception)
        {
            AzureTableGrainStorageLog.OperationFailed(_logger, exception, _name, operation, stateName, grainId);
            throw;
        }
        finally
        {
            if (operation == "write")
            {
                _instruments.GrainStateWritten(_name, stateName, startedAt);
            }
            else
            {
                _instruments.GrainStateCleared(_name, stateName, startedAt);
            }
        }
    }

    private async Task DeleteAsync(TableClient table, GrainStateKeys keys, string? eTag, string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            if (eTag is null)
            {
                // This activation believes nothing is stored; if something is, another activation wrote it.
                var existing = await table.GetEntityIfExistsAsync<TableEntity>(
                    keys.PartitionKey, keys.RowKey, [GrainIdPropertyName], cancellationToken).ConfigureAwait(false);
                if (existing.HasValue)
                {
                    throw Conflict("clear", stateName, grainId, eTag, 409, innerException: null);
                }

                return;
            }

            // The SDK reports a missing entity as a 404 response rather than an exception.
            var response = await table.DeleteEntityAsync(keys.PartitionKey, keys.RowKey, new ETag(eTag), cancellationToken).ConfigureAwait(false);
            if (response.Status == 404)
            {
                throw Conflict("clear", stateName, grainId, eTag, 404, innerException: null);
            }
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 409 or 412)
        {
            throw Conflict("clear", stateName, grainId, eTag, exception.Status, exception);
        }
        catch (RequestFailedException exception)
        {
            AzureTableGrainStorageLog.OperationFailed(_logger, exception, _name, "clear", stateName, grainId);
            throw;
        }
        finally
        {
            _instruments.GrainStateCleared(_name, stateName, startedAt);
        }
    }

    private AzureTableStorageConflictException Conflict(
        string operation, string stateName, GrainId grainId, string? eTag, int status, Exception? innerException)
    {
        AzureTableGrainStorageLog.Conflict(_logger, _name, operation, stateName, grainId, status, eTag);
        _instruments.GrainStateConflict(_name, stateName, operation);
        var message = $"Version conflict on {operation} of state '{stateName}' for grain {grainId} in table '{_options.TableName}' " +
                      $"(storage '{_name}'): HTTP {status}, the stored entity is not the one with ETag '{eTag ?? "(none)"}' that this activation holds.";
        const string storedEtag = "unknown";
        var currentEtag = eTag ?? "(none)";
        return innerException is null
            ? new AzureTableStorageConflictException(message, storedEtag, currentEtag)
            : new AzureTableStorageConflictException(message, storedEtag, currentEtag, innerException);
    }

    private void ResetState<T>(IGrainState<T> grainState, string? eTag)
    {
        grainState.State = _activatorProvider.GetActivator<T>().Create();
        grainState.ETag = eTag;
        grainState.RecordExists = false;
    }

    private TableClient GetTable() =>
        _table ?? throw new InvalidOperationException(
            $"Grain storage '{_name}' is not initialized yet: its table is created at silo lifecycle stage {_options.InitStage}.");
}
