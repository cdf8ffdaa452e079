using TermSync.Grains.Storage;
using TermSync.Vendors;

namespace TermSync.Grains.Vendors;

/// <summary>One invoice's share of the vendor totals, kept so that the next version can replace it exactly.</summary>
/// <param name="IssueDate">Null for contributions stored before the issue date was kept, until the invoice changes again.</param>
[GenerateSerializer, Alias("termsync.InvoiceContribution")]
public sealed record InvoiceContribution(
    [property: Id(0)] int Version,
    [property: Id(1)] string Currency,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] decimal Open,
    [property: Id(4)] decimal Paid,
    [property: Id(5)] decimal Credited,
    [property: Id(6)] decimal WrittenOff,
    [property: Id(7)] bool Voided,
    [property: Id(8)] DateOnly? IssueDate = null);

[GenerateSerializer, Alias("termsync.VendorLedgerState")]
public sealed class VendorLedgerState : IJournaledState
{
    /// <summary>The latest contribution of every invoice, by invoice number.</summary>
    /// <remarks>NOTE: this grows with the shard's invoice count (tens of bytes each) and is stored whole in every snapshot.</remarks>
    [Id(0)]
    public Dictionary<string, InvoiceContribution> Invoices { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Running totals per currency, adjusted by the difference of each change.</summary>
    [Id(1)]
    public Dictionary<string, VendorCurrencyFigures> Figures { get; set; } = new(StringComparer.Ordinal);

    [Id(2)]
    public long JournalSequence { get; set; }

    /// <summary>Replaces an invoice's contribution and returns false when a version at least as new was applied before.</summary>
    public bool Apply(string invoiceNumber, InvoiceContribution next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (Invoices.TryGetValue(invoiceNumber, out var previous))
        {
            if (previous.Version >= next.Version)
            {
                return false;
            }

            Adjust(previous, -1);
        }

        Adjust(next, +1);
        Invoices[invoiceNumber] = next;
        return true;
    }

    private void Adjust(InvoiceContribution contribution, int sign)
    {
        var figures = Figures;
        var current = figures.GetValueOrDefault(contribution.Currency) ?? new VendorCurrencyFigures(contribution.Currency, 0, 0, 0m, 0m, 0m, 0m, 0m);
        var counted = contribution.Voided ? 0 : sign;
        var amount = contribution.Voided ? 0m : sign * contribution.Amount;

        figures[contribution.Currency] = current with
        {
            InvoiceCount = current.InvoiceCount + counted,
            OpenCount = current.OpenCount + (contribution.Open > 0 ? sign : 0),
            InvoicedAmount = current.InvoicedAmount + amount,
            OpenAmount = current.OpenAmount + sign * contribution.Open,
            PaidAmount = current.PaidAmount + sign * contribution.Paid,
            CreditedAmount = current.CreditedAmount + sign * contribution.Credited,
            WrittenOffAmount = current.WrittenOffAmount + sign * contribution.WrittenOff,
        };
    }
}
