using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TermSync.Grains.Ledger;
using TermSync.Metrics;

namespace TermSync.Grains.Metrics.Live;

/// <summary>
/// Keeps one vendor's running totals in memory and sends a copy to the network grain at most once per
/// <see cref="PushInterval"/> after a change. Nothing is stored: the receivables ledger is the durable record, and a new
/// activation loads the totals from it.
/// </summary>
public sealed partial class VendorReceivablesGrain(
    IReceivablesLedger ledger,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<VendorReceivablesGrain> logger) : Grain, IVendorReceivablesGrain
{
    /// <summary>Longest delay between a change and the network's sums including it.</summary>
    public static readonly TimeSpan PushInterval = TimeSpan.FromSeconds(1);

    private readonly ReceivablesRunningTotals _totals = new();
    private readonly Guid _activation = Guid.NewGuid();
    private long _sequence;
    private bool _changed;

    private string VendorId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        AdvanceCutoff();
        var horizon = ReceivablesHorizon.Of(_totals.Cutoff, ReceivablesRunningTotals.MaxWindowDays);
        var histories = await ledger.LoadVendorSinceAsync(VendorId, horizon, cancellationToken);
        foreach (var history in histories)
        {
            RecordChecked(history, 0);
        }

        LogLoaded(VendorId, histories.Count, horizon);
        _changed = true;
        this.RegisterGrainTimer(PushAsync, new GrainTimerCreationOptions(TimeSpan.Zero, PushInterval) { KeepAlive = false });
    }

    public Task RecordInvoiceAsync(InvoiceHistory history, int version)
    {
        AdvanceCutoff();
        RecordChecked(history, version);
        return Task.CompletedTask;
    }

    public Task RecordQueriedAsync(IReadOnlyList<string> invoiceNumbers, DateOnly queriedOn)
    {
        foreach (var invoiceNumber in invoiceNumbers)
        {
            _changed |= _totals.RecordQueried(VendorId, invoiceNumber, queriedOn);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ReceivablesMetrics>?> GetFiguresAsync(DateOnly asOf, int windowDays)
    {
        AdvanceCutoff();
        return Task.FromResult(_totals.Compute(asOf, windowDays));
    }

    public Task<VendorTotals> GetTotalsAsync() => Task.FromResult(Snapshot());

    private void RecordChecked(InvoiceHistory history, int version)
    {
        try
        {
            _changed |= _totals.Record(history, version);
        }
        catch (ArgumentException exception)
        {
            // The totals stop serving figures, so readers get the figures from the ledger path, which reports the same error.
            _changed = true;
            LogInvalidHistory(exception, VendorId, history.InvoiceNumber);
        }
    }

    /// <summary>
    /// Moves the cutoff to yesterday in UTC. Today's date in any time zone is on or after it, so the figures of every
    /// vendor's today and of the network's (today in UTC) are served, and invoices changed since are walked one by one.
    /// </summary>
    private void AdvanceCutoff() =>
        _changed |= _totals.AdvanceCutoff(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1));

    private async Task PushAsync(CancellationToken cancellationToken)
    {
        AdvanceCutoff();
        if (!_changed)
        {
            return;
        }

        _changed = false;
        try
        {
            await GrainFactory.GetGrain<INetworkReceivablesGrain>(INetworkReceivablesGrain.Key).ReplaceVendorAsync(Snapshot());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _changed = true;
            LogPushFailed(exception, VendorId);
        }
    }

    private VendorTotals Snapshot() => new(
        VendorId,
        _activation,
        ++_sequence,
        new Dictionary<string, CurrencyRunningTotals>(_totals.Currencies, StringComparer.Ordinal),
        _totals.IsServing,
        _totals.PendingHistories);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the live receivables of vendor {VendorId}: {InvoiceCount} invoices that matter since {Horizon}")]
    private partial void LogLoaded(string vendorId, int invoiceCount, DateOnly horizon);

    [LoggerMessage(Level = LogLevel.Error, Message = "Invoice {InvoiceNumber} of vendor {VendorId} has an invalid history; the vendor's figures are read from the ledger until it is corrected")]
    private partial void LogInvalidHistory(Exception exception, string vendorId, string invoiceNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the live receivables of vendor {VendorId} to the network failed; the next tick sends them again")]
    private partial void LogPushFailed(Exception exception, string vendorId);
}
