using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TermSync.Grains.Telemetry;
using TermSync.Metrics;
using TermSync.Vendors;

namespace TermSync.Grains.Metrics.Live;

/// <summary>
/// Sums the running totals of every vendor. On activation it starts requesting the totals of each registered vendor's
/// grain, which activates those grains and loads their invoices from the ledger. After that, each vendor grain sends its
/// totals after a change. Nothing is stored.
/// </summary>
/// <remarks>
/// Loading a network of a million invoices takes longer than a grain call may wait, so it runs after activation, and
/// until it ends the grain gives no figures (callers read the ledger instead).
/// </remarks>
public sealed partial class NetworkReceivablesGrain(
    ReceivablesGauges gauges,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<NetworkReceivablesGrain> logger) : Grain, INetworkReceivablesGrain
{
    /// <summary>
    /// Vendor grains loaded at once. Each load is a ledger query, so a small batch keeps every call well inside the
    /// grain call timeout on a small machine.
    /// </summary>
    private const int LoadBatchSize = 8;

    /// <summary>How often the Prometheus gauges are computed again from the sums.</summary>
    private static readonly TimeSpan GaugeInterval = TimeSpan.FromSeconds(15);

    private readonly Dictionary<string, VendorTotals> _vendors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CurrencyRunningTotals> _sums = new(StringComparer.Ordinal);
    private bool _loaded;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Runs on the grain's scheduler without holding up activation; calls are served while it awaits.
        _ = LoadAsync();
        return Task.CompletedTask;
    }

    public Task ReplaceVendorAsync(VendorTotals totals)
    {
        Replace(totals);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ReceivablesMetrics>?> GetFiguresAsync(DateOnly asOf, int windowDays) =>
        Task.FromResult(CanServe(asOf, windowDays) ? ReceivablesRunningTotals.ComputeAll(_sums, _vendors.Values.SelectMany(vendor => vendor.Pending), asOf, windowDays) : null);

    /// <summary>Requests every registered vendor's totals, a batch at a time; on failure the grain deactivates, and the next call starts again.</summary>
    private async Task LoadAsync()
    {
        try
        {
            await LoadVendorsAsync();
        }
        catch (Exception exception)
        {
            LogLoadFailed(exception);
            DeactivateOnIdle();
        }
    }

    private async Task LoadVendorsAsync()
    {
        var loading = System.Diagnostics.Stopwatch.StartNew();
        var listings = await GrainFactory.GetGrain<IVendorDirectoryGrain>(IVendorDirectoryGrain.Key).ListAsync();
        foreach (var batch in listings.Chunk(LoadBatchSize))
        {
            var totals = await Task.WhenAll(batch.Select(listing => GrainFactory.GetGrainCached<IVendorReceivablesGrain>(listing.VendorId).GetTotalsAsync()));
            foreach (var vendorTotals in totals)
            {
                Replace(vendorTotals);
            }
        }

        _loaded = true;
        LogLoaded(listings.Count, loading.Elapsed.TotalSeconds);
        this.RegisterGrainTimer(SetGaugesAsync, new GrainTimerCreationOptions(TimeSpan.Zero, GaugeInterval) { KeepAlive = true });
    }

    public Task<IReadOnlyList<PeerDistribution>?> GetDistributionAsync(DateOnly asOf, int windowDays, string? ownVendorId)
    {
        if (!CanServe(asOf, windowDays))
        {
            return Task.FromResult<IReadOnlyList<PeerDistribution>?>(null);
        }

        var vendorFigures = _vendors.Values.SelectMany(vendor =>
            ReceivablesRunningTotals.ComputeAll(vendor.Currencies, vendor.Pending, asOf, windowDays).Select(metrics => (vendor.VendorId, metrics)));
        return Task.FromResult<IReadOnlyList<PeerDistribution>?>(PeerDistributions.Compute(vendorFigures, asOf, windowDays, ownVendorId));
    }

    /// <summary>Sets the gauges to today's figures in UTC over the default window, unless the sums cannot give them.</summary>
    private Task SetGaugesAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (CanServe(today, ReceivablesCalculator.DefaultWindowDays))
        {
            var network = ReceivablesRunningTotals.ComputeAll(_sums, _vendors.Values.SelectMany(vendor => vendor.Pending), today, ReceivablesCalculator.DefaultWindowDays);
            var vendors = _vendors.Values.SelectMany(vendor =>
                ReceivablesRunningTotals.ComputeAll(vendor.Currencies, vendor.Pending, today, ReceivablesCalculator.DefaultWindowDays).Select(metrics => (vendor.VendorId, metrics)));
            gauges.Set(network, vendors);
        }

        return Task.CompletedTask;
    }

    private bool CanServe(DateOnly asOf, int windowDays) =>
        _loaded
        && windowDays <= ReceivablesRunningTotals.MaxWindowDays
        && _vendors.Values.All(vendor => vendor.Serving)
        && _sums.Values.All(totals => totals.Covers(asOf));

    private void Replace(VendorTotals totals)
    {
        if (_vendors.TryGetValue(totals.VendorId, out var applied))
        {
            if (applied.Activation == totals.Activation && applied.Sequence >= totals.Sequence)
            {
                return;
            }

            AddAll(applied.Currencies, -1);
        }

        AddAll(totals.Currencies, +1);
        _vendors[totals.VendorId] = totals;
    }

    private void AddAll(Dictionary<string, CurrencyRunningTotals> currencies, int sign)
    {
        foreach (var (currency, totals) in currencies)
        {
            if (!_sums.TryGetValue(currency, out var sum))
            {
                sum = new CurrencyRunningTotals();
                _sums[currency] = sum;
            }

            sum.Add(totals, sign);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the live receivables of {VendorCount} registered vendors into the network's sums in {Seconds:F1} s")]
    private partial void LogLoaded(int vendorCount, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the live receivables of the network failed; the grain deactivates and the next read starts again")]
    private partial void LogLoadFailed(Exception exception);
}
