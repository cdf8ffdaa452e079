using Microsoft.Extensions.Logging;

namespace TermSync.Importer.Replay;

internal static partial class ReplayerLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Replaying {EventCount} events of {VendorCount} vendors from {FirstDate:yyyy-MM-dd} to {LastDate:yyyy-MM-dd}")]
    public static partial void ReplayStarted(this ILogger logger, int eventCount, int vendorCount, DateOnly? firstDate, DateOnly? lastDate);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug,
        Message = "Replayed {Date:yyyy-MM-dd}: {InvoiceCount} invoices, {DisputesOpened} disputes opened, {DisputesResolved} disputes resolved, {PaymentCount} payments")]
    public static partial void DayReplayed(
        this ILogger logger, DateOnly date, int invoiceCount, int disputesOpened, int disputesResolved, int paymentCount);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information,
        Message = "Replayed {InvoiceCount} invoices, {PaymentCount} payments and {DisputesOpened} disputes up to {LastDate:yyyy-MM-dd} in {Elapsed}")]
    public static partial void ReplayCompleted(
        this ILogger logger, int invoiceCount, int paymentCount, int disputesOpened, DateOnly? lastDate, TimeSpan elapsed);
}
