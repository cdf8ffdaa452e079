using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TermSync.Customers;
using TermSync.Digests;

namespace TermSync.Grains.Digests;

/// <summary>
/// A customer's digest reminder grain. The reminder only wakes it: each tick compares the clock with the
/// next slot kept in state, so a late tick sends once and a repeated tick sends nothing.
/// </summary>
public sealed partial class DigestGrain(
    [PersistentState("digest", StorageNames.Default)] IPersistentState<DigestState> state,
    IDigestDelivery delivery,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestGrain> logger) : Grain, IDigestGrain, IRemindable
{
    private const string ReminderName = "digest";

    private string CustomerId => this.GetPrimaryKeyString();

    public async Task EnsureScheduledAsync()
    {
        if (state.State.NextDueAt is not null)
        {
            return;
        }

        var settings = options.Value;
        await this.RegisterOrUpdateReminder(ReminderName, settings.TickPeriod, settings.TickPeriod);
        state.State.NextDueAt = DigestSchedule.NextSlot(time.GetUtcNow(), settings.SendDay, settings.SendTime);
        await state.WriteStateAsync();
        LogScheduled(CustomerId, state.State.NextDueAt.Value);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var now = time.GetUtcNow();
        if (reminderName != ReminderName || state.State.NextDueAt is not { } dueAt || now < dueAt)
        {
            return;
        }

        // One run for the current date covers every slot missed while the cluster was down.
        var result = await RunAsync(DateOnly.FromDateTime(now.UtcDateTime), "schedule");
        state.State.NextDueAt = DigestSchedule.NextSlot(now, options.Value.SendDay, options.Value.SendTime);
        await state.WriteStateAsync();
        LogScheduledRun(CustomerId, result.Status, state.State.NextDueAt.Value);
    }

    public async Task<DigestRunResult> RunAsync(DateOnly asOf, string trigger)
    {
        var period = DigestPeriod.Of(asOf);
        var sent = state.State.History.Find(record => record.Period == period);
        if (sent is not null)
        {
            return new DigestRunResult(DigestRunStatus.AlreadySent, sent);
        }

        var statement = await GrainFactory.GetGrain<ICustomerGrain>(CustomerId).GetStatementAsync(asOf);
        if (statement.Totals.All(total => total.OwedAmount == 0))
        {
            return new DigestRunResult(DigestRunStatus.NothingOwed, null);
        }

        var message = DigestRenderer.Render(statement, period, options.Value.PublicBaseUrl);
        var location = await delivery.DeliverAsync(message, CancellationToken.None);

        var record = new DigestRecord(
            message.DigestId,
            period,
            asOf,
            time.GetUtcNow(),
            trigger,
            statement.Vendors.Count,
            statement.OpenCount,
            statement.Totals,
            location);
        state.State.History.Add(record);
        await state.WriteStateAsync();

        LogDigestSent(CustomerId, message.DigestId, record.VendorCount, record.InvoiceCount);
        return new DigestRunResult(DigestRunStatus.Sent, record);
    }

    public async Task<DigestPreview> PreviewAsync(DateOnly asOf)
    {
        var period = DigestPeriod.Of(asOf);
        var statement = await GrainFactory.GetGrain<ICustomerGrain>(CustomerId).GetStatementAsync(asOf);
        var message = DigestRenderer.Render(statement, period, options.Value.PublicBaseUrl);
        return new DigestPreview(period, statement, message.Subject, message.Html, message.Text);
    }

    public Task<IReadOnlyList<DigestRecord>> GetHistoryAsync() =>
        Task.FromResult<IReadOnlyList<DigestRecord>>([.. state.State.History]);

    [LoggerMessage(EventId = 4000, Level = LogLevel.Debug, Message = "Digest of customer {CustomerId} scheduled, first slot {NextDueAt}")]
    private partial void LogScheduled(string customerId, DateTimeOffset nextDueAt);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Digest {DigestId} sent to customer {CustomerId}: {VendorCount} vendors, {InvoiceCount} invoices")]
    private partial void LogDigestSent(string customerId, string digestId, int vendorCount, int invoiceCount);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Scheduled digest run of customer {CustomerId} ended {Status}; next slot {NextDueAt}")]
    private partial void LogScheduledRun(string customerId, DigestRunStatus status, DateTimeOffset nextDueAt);
}
