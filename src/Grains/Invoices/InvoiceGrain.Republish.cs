using Microsoft.Extensions.Logging;
using TermSync.Invoices;

namespace TermSync.Grains.Invoices;

/// <summary>
/// Repairs the aggregates after a publish that failed once the invoice was stored. The failed command still reports its
/// error, and the vendor's retry repairs them. A reminder sends the stored snapshot again as well, so the customer's
/// statement, and the digest built from it, catch up even when the caller never retries.
/// </summary>
public sealed partial class InvoiceGrain : IRemindable
{
    private const string RepublishReminder = "republish";

    /// <summary>How long the reminder waits before it first sends the snapshot again, and between later tries.</summary>
    private static readonly TimeSpan RepublishPeriod = TimeSpan.FromMinutes(1);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RepublishReminder)
        {
            return;
        }

        // A failure here leaves the reminder registered, so it tries again a period later.
        if (Invoice.Draft is not null)
        {
            await SendSnapshotAsync(ToSnapshot());
        }

        if (await this.GetReminder(RepublishReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        LogRepublished(VendorId, InvoiceNumber, Invoice.Version);
    }

    /// <summary>Sends the snapshot as <see cref="SendSnapshotAsync"/> does, and registers the republish reminder when that fails.</summary>
    private async Task PublishAsync(InvoiceSnapshot snapshot)
    {
        try
        {
            await SendSnapshotAsync(snapshot);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await ScheduleRepublishAsync(exception);
            throw;
        }
    }

    private async Task ScheduleRepublishAsync(Exception failure)
    {
        try
        {
            await this.RegisterOrUpdateReminder(RepublishReminder, RepublishPeriod, RepublishPeriod);
            LogRepublishScheduled(failure, VendorId, InvoiceNumber, Invoice.Version);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRepublishNotScheduled(exception, VendorId, InvoiceNumber, Invoice.Version);
        }
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Invoice {VendorId}/{InvoiceNumber} stored version {Version} but failed to update its aggregates; a reminder sends it again every minute until that succeeds")]
    private partial void LogRepublishScheduled(Exception exception, string vendorId, string invoiceNumber, int version);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Error, Message = "Invoice {VendorId}/{InvoiceNumber} stored version {Version}, failed to update its aggregates and failed to register the reminder that repairs them; only a retry of the command repairs them now")]
    private partial void LogRepublishNotScheduled(Exception exception, string vendorId, string invoiceNumber, int version);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "Invoice {VendorId}/{InvoiceNumber} sent version {Version} to its aggregates again")]
    private partial void LogRepublished(string vendorId, string invoiceNumber, int version);
}
