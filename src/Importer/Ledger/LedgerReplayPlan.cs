using TermSync.Importer.Replay;

namespace TermSync.Importer.Ledger;

/// <summary>
/// Turns ledger rows into a replay plan. Each country ledger becomes a vendor, each customer account a
/// customer and each row a USD invoice issued on InvoiceDate and due on DueDate. A disputed row gets a
/// dispute opened on the earlier of InvoiceDate + <see cref="DisputeOpenDelayDays"/> and SettledDate and
/// resolved on SettledDate. Every row gets one payment of the full amount on SettledDate.
/// </summary>
public static class LedgerReplayPlan
{
    /// <summary>Days after the invoice date on which a disputed invoice's dispute is opened, unless it is settled sooner.</summary>
    public const int DisputeOpenDelayDays = 3;

    /// <summary>Currency of every ledger invoice, because the file gives none.</summary>
    public const string Currency = "USD";

    /// <summary>Dispute reason sent for disputed rows, because the file gives none.</summary>
    public const string DisputeReason = "other";

    /// <summary>Dispute message sent for disputed rows.</summary>
    public const string DisputeMessage = "Disputed in the source ledger";

    /// <summary>Creates the plan for <paramref name="rows"/>, with vendors ordered by country code.</summary>
    /// <exception cref="LedgerFormatException">Two rows of one country ledger have the same invoice number.</exception>
    public static ReplayPlan Create(IEnumerable<LedgerRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);

        var rowList = rows.ToList();
        RejectDuplicateInvoiceNumbers(rowList);

        var vendors = rowList
            .Select(row => row.CountryCode)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(CreateVendor);

        return new ReplayPlan(vendors, rowList.SelectMany(CreateEvents));
    }

    /// <summary>Returns the vendor id of a country ledger, such as "ledger-391".</summary>
    public static string VendorIdFor(string countryCode) => $"ledger-{countryCode.ToLowerInvariant()}";

    /// <summary>Returns the id of the payment that settles an invoice, such as "0000611365-settlement".</summary>
    public static string PaymentIdFor(string invoiceNumber) => $"{invoiceNumber}-settlement";

    /// <summary>Returns the date on which the dispute of a disputed row is opened.</summary>
    public static DateOnly DisputeOpenedOn(LedgerRow row)
    {
        ArgumentNullException.ThrowIfNull(row);

        var afterDelay = row.InvoiceDate.AddDays(DisputeOpenDelayDays);
        return afterDelay < row.SettledDate ? afterDelay : row.SettledDate;
    }

    private static VendorProfile CreateVendor(string countryCode)
    {
        var vendorId = VendorIdFor(countryCode);
        return new VendorProfile(vendorId, $"Ledger {countryCode}", $"ar@{vendorId}.example", "UTC");
    }

    private static IEnumerable<ReplayEvent> CreateEvents(LedgerRow row)
    {
        var vendorId = VendorIdFor(row.CountryCode);
        var customer = new CustomerProfile(row.CustomerId, row.CustomerId, $"ap@{row.CustomerId.ToLowerInvariant()}.example");

        yield return new InvoiceIssue(row.InvoiceDate, vendorId, row.InvoiceNumber, customer, Currency, row.InvoiceAmount, row.DueDate);

        if (row.Disputed)
        {
            yield return new DisputeOpen(DisputeOpenedOn(row), vendorId, row.InvoiceNumber, DisputeReason, DisputeMessage, customer.Name);
            yield return new DisputeResolution(row.SettledDate, vendorId, row.InvoiceNumber);
        }

        yield return new Payment(row.SettledDate, vendorId, row.InvoiceNumber, PaymentIdFor(row.InvoiceNumber), row.InvoiceAmount);
    }

    private static void RejectDuplicateInvoiceNumbers(List<LedgerRow> rows)
    {
        var firstLineByInvoice = new Dictionary<(string CountryCode, string InvoiceNumber), int>();
        foreach (var row in rows)
        {
            if (!firstLineByInvoice.TryAdd((row.CountryCode, row.InvoiceNumber), row.LineNumber))
            {
                var firstLine = firstLineByInvoice[(row.CountryCode, row.InvoiceNumber)];
                throw new LedgerFormatException(
                    $"Line {row.LineNumber} of the ledger repeats invoiceNumber '{row.InvoiceNumber}' of country ledger {row.CountryCode} " +
                    $"from line {firstLine}. Invoice numbers must be unique within a country ledger.");
            }
        }
    }
}
