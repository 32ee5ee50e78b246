using System.Diagnostics;
using System.Globalization;
using PaymentActors.Cli.Api;
using PaymentActors.Cli.Auditing;
using PaymentActors.Cli.Metrics;
using PaymentActors.Cli.Options;
using PaymentActors.Cli.Reporting;
using Polly;
using Polly.Retry;

namespace PaymentActors.Cli.Running;

/// <summary>One run, phase by phase: setup, load, drain, final reads, audit. Holds everything the run learns.</summary>
internal sealed partial class LoadTestRun
{
    private readonly LoadTestOptions _options;
    private readonly IProgress<LoadTestProgress>? _progress;
    private readonly PaymentApiClient _api;
    private readonly string _runId;
    private readonly int _seed;
    private readonly string[] _walletIds;
    private readonly RunLedger _ledger;
    private readonly RunCounters _counters = new();
    private readonly LatencyRecorder _submitLatency = new();
    private readonly LatencyRecorder _settleLatency = new();
    private readonly ScenarioPlanner _planner;
    private readonly ResiliencePipeline<ApiResponse<PaymentView>> _paymentRetry;
    private readonly ResiliencePipeline<ApiResponse<WalletView>> _depositRetry;
    private readonly long _startedTimestamp = Stopwatch.GetTimestamp();
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private long _nextSlot;
    private long _loadStartedTimestamp;
    private long _lastSettledTimestamp;
    private long _drainOutstanding;
    private int _refundSupport = (int)FeatureSupport.NotExercised;
    private int _cancelSupport = (int)FeatureSupport.NotExercised;
    private volatile RunPhase _phase = RunPhase.Setup;

    public LoadTestRun(LoadTestOptions options, HttpClient httpClient, IProgress<LoadTestProgress>? progress)
    {
        _options = options;
        _progress = progress;
        _api = new PaymentApiClient(httpClient, WithTrailingSlash(options.BaseAddress), options.RequestTimeout, options.Token);
        _runId = options.RunId ?? $"lt-{_startedAt:yyyyMMddHHmmss}-{Random.Shared.Next(0x10000):x4}";
        _seed = options.Seed ?? Random.Shared.Next();
        _walletIds = Enumerable.Range(0, options.EffectiveWallets)
            .Select(i => $"{_runId}-w{i.ToString("D4", CultureInfo.InvariantCulture)}")
            .ToArray();
        _ledger = new RunLedger(_walletIds, _startedTimestamp);
        _planner = new ScenarioPlanner(options.Scenario, _walletIds.Length, _seed);
        _paymentRetry = BuildRetry<PaymentView>(options.SubmitRetries);
        _depositRetry = BuildRetry<WalletView>(options.SubmitRetries);
    }

    private int Parallelism => Math.Clamp(_options.Concurrency, 1, 64);

    public async Task<LoadTestReport> ExecuteAsync(CancellationToken stopSending)
    {
        EnterPhase(RunPhase.Setup);
        await FundWalletsAsync(stopSending).ConfigureAwait(false);
        var before = await ScrapeMetricsAsync().ConfigureAwait(false);

        using var stopBackground = new CancellationTokenSource();
        var reporter = ReportProgressAsync(stopBackground.Token);
        using var stopSampler = new CancellationTokenSource();
        var sampler = SampleWalletsAsync(stopSampler.Token);
        try
        {
            EnterPhase(RunPhase.Load);
            _loadStartedTimestamp = Stopwatch.GetTimestamp();
            var clients = Enumerable.Range(0, _options.Concurrency).Select(_ => Task.Run(() => ClientLoopAsync(stopSending), CancellationToken.None));
            await Task.WhenAll(clients).ConfigureAwait(false);
            var loadElapsed = Stopwatch.GetElapsedTime(_loadStartedTimestamp);
            // Stopped early: asked to stop before the count or the duration ran out.
            var interrupted = stopSending.IsCancellationRequested
                && Interlocked.Read(ref _nextSlot) < _options.EffectivePayments && !DurationElapsed();

            EnterPhase(RunPhase.Drain);
            using (var drainDeadline = new CancellationTokenSource(_options.DrainTimeout))
            {
                await DrainPaymentsAsync(drainDeadline.Token).ConfigureAwait(false);
                await StopAsync(stopSampler, sampler).ConfigureAwait(false);
                await WaitForReservationsToClearAsync(drainDeadline.Token).ConfigureAwait(false);
            }

            EnterPhase(RunPhase.Audit);
            using (var finalReadDeadline = new CancellationTokenSource(_options.DrainTimeout))
            {
                await ReadFinalStateAsync(finalReadDeadline.Token).ConfigureAwait(false);
            }

            var after = await ScrapeMetricsAsync().ConfigureAwait(false);
            var audit = LoadTestAuditor.Audit(_ledger.ToAuditInput());
            EnterPhase(RunPhase.Done);
            return BuildReport(loadElapsed, interrupted, before, after, audit);
        }
        finally
        {
            // Also on an unexpected failure: no background loop may outlive the run.
            await StopAsync(stopSampler, sampler).ConfigureAwait(false);
            await StopAsync(stopBackground, reporter).ConfigureAwait(false);
        }
    }

    private static async Task StopAsync(CancellationTokenSource stop, Task loop)
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }

        await loop.ConfigureAwait(false);
    }

    private async Task FundWalletsAsync(CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, _walletIds.Length), parallel, async (index, token) =>
        {
            var (outcome, answer) = await DepositAsync(_walletIds[index], _options.Deposit, $"{_runId}-fund-{index}", token).ConfigureAwait(false);
            if (outcome != OperationOutcome.Confirmed)
            {
                throw new LoadTestSetupException(
                    $"Could not fund wallet {_walletIds[index]} at {_options.BaseAddress}: {answer.Describe()}" +
                    (answer.Error?.Message is { } message ? $" ({message})" : string.Empty));
            }
        }).ConfigureAwait(false);
    }

    private async Task ClientLoopAsync(CancellationToken stopSending)
    {
        var total = _options.EffectivePayments;
        while (!stopSending.IsCancellationRequested && !DurationElapsed())
        {
            var slot = Interlocked.Increment(ref _nextSlot);
            if (slot > total)
            {
                return;
            }

            await PayAsync(slot, stopSending).ConfigureAwait(false);
        }
    }

    private bool DurationElapsed() =>
        _options.Duration is { } duration && Stopwatch.GetElapsedTime(_loadStartedTimestamp) >= duration;

    /// <summary>
    /// Keys whose outcome is still unknown are sent again (the API replays or makes the payment now); then every
    /// accepted payment is followed until terminal. Stops quietly at the deadline: the audit reports what is left.
    /// </summary>
    private async Task DrainPaymentsAsync(CancellationToken deadline)
    {
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = deadline };
            var unresolved = _ledger.Intents.Where(i => !i.IsAccepted && !i.IsRejected).ToList();
            await Parallel.ForEachAsync(unresolved, parallel, async (intent, token) =>
                await SubmitAsync(intent, SubmitKind.Retry, intent.Body, wait: false, token).ConfigureAwait(false)).ConfigureAwait(false);

            var open = _ledger.Intents.Where(i => i.LastSeen is { } seen && !PaymentStatuses.IsTerminal(seen.Status)).ToList();
            Interlocked.Exchange(ref _drainOutstanding, open.Count);
            await Parallel.ForEachAsync(open, parallel, async (intent, token) =>
            {
                var terminal = await FollowAsync(intent, intent.LastSeen!.Id, budget: null, token).ConfigureAwait(false);
                if (terminal is not null)
                {
                    Interlocked.Decrement(ref _drainOutstanding);
                    NoteSettled();
                }
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // The drain deadline passed; whatever is still open is the audit's finding.
        }
    }

    private async Task WaitForReservationsToClearAsync(CancellationToken deadline)
    {
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = deadline };
            await Parallel.ForEachAsync(_walletIds, parallel, async (userId, token) =>
            {
                while (true)
                {
                    var answer = await _api.GetWalletAsync(userId, token).ConfigureAwait(false);
                    if (answer.IsSuccess)
                    {
                        _ledger.AddWalletReading(userId, answer.Data!, ObservationSource.Sampler);
                        if (answer.Data!.Reserved == 0)
                        {
                            return;
                        }
                    }

                    await Task.Delay(_options.PollInterval, token).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // Still reserved at the deadline: the final reading shows it and the audit reports it.
        }
    }

    private async Task ReadFinalStateAsync(CancellationToken deadline)
    {
        var paymentIds = _ledger.Intents
            .SelectMany(i => i.ToSentPayment().Responses)
            .Where(r => r.Accepted)
            .Select(r => r.PaymentId!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = deadline };
            await Parallel.ForEachAsync(paymentIds, parallel, async (paymentId, token) =>
            {
                var answer = await ReadWithRetriesAsync(t => _api.GetPaymentAsync(paymentId, t), token).ConfigureAwait(false);
                if (answer.IsSuccess)
                {
                    _ledger.SetFinalPayment(paymentId, answer.Data!);
                }
            }).ConfigureAwait(false);
            await Parallel.ForEachAsync(_walletIds, parallel, async (userId, token) =>
            {
                var answer = await ReadWithRetriesAsync(t => _api.GetWalletAsync(userId, t), token).ConfigureAwait(false);
                if (answer.IsSuccess)
                {
                    _ledger.SetFinalWallet(userId, answer.Data!);
                }
            }).ConfigureAwait(false);
            var orderIds = _ledger.Orders.Where(o => o.OrderId is not null).Select(o => o.OrderId!).ToList();
            await Parallel.ForEachAsync(orderIds, parallel, async (orderId, token) =>
            {
                var answer = await ReadWithRetriesAsync(t => _api.GetOrderAsync(orderId, t), token).ConfigureAwait(false);
                if (answer.IsSuccess)
                {
                    _ledger.SetFinalOrder(answer.Data!);
                }
            }).ConfigureAwait(false);

            // Ledgers last: with thousands of wallets their pages are most of the reads, and the balances above must
            // not wait behind them for the deadline.
            await Parallel.ForEachAsync(_walletIds, parallel, (userId, token) => new ValueTask(ReadLedgerAsync(userId, token))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // What could not be read in time is reported as not observed.
        }
    }

    /// <summary>The wallet's whole ledger, page by page; left out of the audit when a page cannot be read (a missing route, say).</summary>
    private async Task ReadLedgerAsync(string userId, CancellationToken token)
    {
        var entries = new List<LedgerEntryView>();
        string? next = null;
        do
        {
            var cursor = next;
            var page = await ReadWithRetriesAsync(t => _api.GetLedgerPageAsync(userId, cursor, t), token).ConfigureAwait(false);
            if (!page.IsSuccess)
            {
                return;
            }

            entries.AddRange(page.Data!.Items);
            next = page.Data.HasMore ? page.Data.NextStartingAfter : null;
        }
        while (next is not null);

        _ledger.SetFinalLedger(userId, entries);
    }

    private static async Task<ApiResponse<T>> ReadWithRetriesAsync<T>(Func<CancellationToken, Task<ApiResponse<T>>> read, CancellationToken token)
    {
        const int Attempts = 3;
        var answer = await read(token).ConfigureAwait(false);
        for (var attempt = 1; attempt < Attempts && answer.IsAmbiguous; attempt++)
        {
            answer = await read(token).ConfigureAwait(false);
        }

        return answer;
    }

    /// <summary>Reads the wallets round-robin for the whole load and drain, looking for a negative or inconsistent balance.</summary>
    private async Task SampleWalletsAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_options.SampleInterval);
        var next = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                var userId = _walletIds[next];
                next = (next + 1) % _walletIds.Length;
                var answer = await _api.GetWalletAsync(userId, stop).ConfigureAwait(false);
                if (answer.IsSuccess)
                {
                    _ledger.AddWalletReading(userId, answer.Data!, ObservationSource.Sampler);
                }
                else
                {
                    _counters.SamplerError();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Sampling ends with the drain.
        }
    }

    private async Task ReportProgressAsync(CancellationToken stop)
    {
        if (_progress is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.ProgressInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                _progress.Report(Snapshot());
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The last snapshot is reported when the run is done.
        }
    }

    private void EnterPhase(RunPhase next)
    {
        _phase = next;
        _progress?.Report(Snapshot());
    }

    private LoadTestProgress Snapshot() => new(
        _phase,
        Stopwatch.GetElapsedTime(_startedTimestamp),
        _options.Duration is null ? _options.EffectivePayments : 0,
        _counters.Sent,
        _counters.Accepted,
        _counters.Rejected,
        _counters.Completed,
        _counters.Failed,
        _phase is RunPhase.Load ? _counters.Outstanding : Interlocked.Read(ref _drainOutstanding),
        _counters.TransportErrors);

    private void NoteSettled()
    {
        var now = Stopwatch.GetTimestamp();
        var seen = Interlocked.Read(ref _lastSettledTimestamp);
        while (now > seen)
        {
            var previous = Interlocked.CompareExchange(ref _lastSettledTimestamp, now, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    private async Task<MetricsReading> ScrapeMetricsAsync()
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout);
        var text = await _api.GetMetricsTextAsync(timeout.Token).ConfigureAwait(false);
        var completed = text is null ? null : PrometheusText.Sum(text, PrometheusSelector.Parse(_options.CompletedPaymentsMetric));
        if (text is not null && completed is null && await _api.GetClusterFiguresAsync(timeout.Token).ConfigureAwait(false) is { } cluster)
        {
            // A front door in client mode: the silos hold the counters, and the summary sums every silo's.
            return new MetricsReading(true, cluster.StorageWrites, cluster.CompletedPayments, FromSummary: true);
        }

        return text is null
            ? new MetricsReading(false, null, null)
            : new MetricsReading(true, PrometheusText.Sum(text, PrometheusSelector.Parse(_options.StorageWritesMetric)), completed);
    }

    private static ResiliencePipeline<ApiResponse<T>> BuildRetry<T>(int retries)
    {
        if (retries == 0)
        {
            return ResiliencePipeline<ApiResponse<T>>.Empty;
        }

        // Same idempotency key on every attempt: an unknown outcome is resolved by replay, never by a second payment.
        return new ResiliencePipelineBuilder<ApiResponse<T>>()
            .AddRetry(new RetryStrategyOptions<ApiResponse<T>>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { IsAmbiguous: true }),
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(50),
                MaxDelay = TimeSpan.FromSeconds(2),
            })
            .Build();
    }

    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
