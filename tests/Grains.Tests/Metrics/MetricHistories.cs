using TermSync.Metrics;

namespace TermSync.Grains.Tests.Metrics;

/// <summary>Builders of USD invoice histories for calculator tests, with dates written as yyyy-MM-dd.</summary>
internal static class MetricHistories
{
    public const string Currency = "USD";

    public static DateOnly Date(string value) => DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    public static InvoiceHistory Invoice(string number, string issued, string due, decimal amount, params InvoiceEntry[] entries) =>
        new("vendor-a", number, "customer-a", Currency, Date(issued), Date(due), amount, entries);

    public static InvoiceEntry Payment(string date, decimal amount) => new(InvoiceEntryKind.Payment, Date(date), amount);

    public static InvoiceEntry Reversal(string date, decimal amount) => new(InvoiceEntryKind.PaymentReversal, Date(date), amount);

    public static InvoiceEntry Credit(string date, decimal amount) => new(InvoiceEntryKind.CreditNote, Date(date), amount);

    public static InvoiceEntry WriteOff(string date) => new(InvoiceEntryKind.WriteOff, Date(date), 0m);

    public static InvoiceEntry Void(string date) => new(InvoiceEntryKind.Void, Date(date), 0m);
}
