using System.Globalization;
using TermSync.Accounts;
using TermSync.Grains.Ledger;

namespace TermSync.Benchmarks.Metrics;

/// <summary>A generated vendor: its registration and the currency and payment terms of all its invoices.</summary>
public sealed record GeneratedVendor(string Id, string Name, string ContactEmail, string TimeZone, string Currency, int TermsDays);

/// <summary>One generated invoice. Dates are <see cref="DateOnly.DayNumber"/> values, and the number counts the vendor's invoices in issue order.</summary>
public readonly record struct GeneratedInvoice(int Vendor, int Customer, int Number, int IssueDay, int DueDay);

/// <summary>
/// One generated ledger row. <paramref name="Tag"/> completes the entry key: the payment's installment, the credit note's
/// number, the amendment's version or the conversation's number. <paramref name="RecordedDay"/> is the day the row was
/// appended, on or after its business day.
/// </summary>
public readonly record struct GeneratedRow(int Invoice, LedgerEntryKind Kind, int Tag, int BusinessDay, int RecordedDay, long MinorUnits);

/// <summary>
/// A generated receivables network: vendors, invoices and their ledger rows in the order the ledger writer would have
/// appended them. Text columns are derived on demand, so a network of a million invoices stays small in memory.
/// </summary>
public sealed class GeneratedLedger(LedgerNetworkOptions options, IReadOnlyList<GeneratedVendor> vendors, GeneratedInvoice[] invoices, GeneratedRow[] rows)
{
    public LedgerNetworkOptions Options => options;

    public IReadOnlyList<GeneratedVendor> Vendors => vendors;

    public IReadOnlyList<GeneratedInvoice> Invoices => invoices;

    /// <summary>Rows in append order: by recorded day, and within an invoice in the order its grain appends them.</summary>
    public IReadOnlyList<GeneratedRow> Rows => rows;

    /// <summary>
    /// Returns the network customer id the API derives for the customer's accounts-payable email, so the rows name the
    /// customer that invoices pushed through the API would.
    /// </summary>
    public static string CustomerId(int customer) =>
        NetworkIdentity.DeriveCustomerId(NetworkIdentity.OfEmail($"ap@customer-{customer + 1:D6}.example"));

    public static string InvoiceNumber(GeneratedInvoice invoice) => $"INV-{invoice.Number:D7}";

    /// <summary>Returns the row's entry key in the ledger writer's format, such as "payment:INV-0000042-1".</summary>
    public string EntryKey(GeneratedRow row)
    {
        var number = InvoiceNumber(invoices[row.Invoice]);
        return row.Kind switch
        {
            LedgerEntryKind.Issued => "issued",
            LedgerEntryKind.AmountAdjusted => $"amended-v{row.Tag}",
            LedgerEntryKind.Payment => $"payment:{number}-{row.Tag}",
            LedgerEntryKind.PaymentReversal => $"reversal:{number}-{row.Tag}",
            LedgerEntryKind.Credit => $"credit:CN-{row.Tag:D7}",
            LedgerEntryKind.WriteOff => "write-off",
            LedgerEntryKind.Void => "void",
            LedgerEntryKind.Queried => $"queried:{ConversationId(row)}",
            _ => throw new ArgumentOutOfRangeException(nameof(row), row.Kind, "Unknown ledger entry kind."),
        };
    }

    /// <summary>Returns the row's amount in its invoice's currency.</summary>
    public decimal Amount(GeneratedRow row) => ToAmount(row.MinorUnits, vendors[invoices[row.Invoice].Vendor].Currency);

    /// <summary>Converts minor units, such as cents, into an amount of <paramref name="currency"/>.</summary>
    public static decimal ToAmount(long minorUnits, string currency) =>
        currency == "JPY" ? minorUnits : decimal.Divide(minorUnits, 100m);

    /// <summary>Returns the rows of each kind, by the entry_kind column's text.</summary>
    public IReadOnlyDictionary<string, int> CountRowsByKind() => rows
        .GroupBy(row => LedgerEntryKinds.ToColumn(row.Kind), StringComparer.Ordinal)
        .OrderBy(group => group.Key, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

    /// <summary>
    /// Returns a conversation id of the API's shape, "c" and 32 hexadecimal digits, derived from the invoice and the
    /// conversation's number so that the same seed gives the same ids.
    /// </summary>
    private static string ConversationId(GeneratedRow row) =>
        string.Create(CultureInfo.InvariantCulture, $"c{(ulong)row.Invoice * 0x9E3779B97F4A7C15UL:x16}{(ulong)row.Invoice:x12}{row.Tag:x4}");
}
