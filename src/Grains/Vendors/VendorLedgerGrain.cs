using Orleans.Concurrency;
using TermSync.Grains.Storage;
using TermSync.Invoices;
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
public sealed class VendorLedgerState
{
    /// <summary>The latest contribution of every invoice, by invoice number.</summary>
    /// <remarks>NOTE: this grows with the shard's invoice count (tens of bytes each) and is written whole on every change.</remarks>
    [Id(0)]
    public Dictionary<string, InvoiceContribution> Invoices { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Running totals per currency, adjusted by the difference of each change.</summary>
    [Id(1)]
    public Dictionary<string, VendorCurrencyFigures> Figures { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// One shard of a vendor's invoice totals. The grain is reentrant, so the invoices of a bulk push share state writes:
/// each call adjusts the totals in memory within one turn, then waits for a write that started after its change.
/// </summary>
[Reentrant]
public sealed class VendorLedgerGrain(
    [PersistentState("vendorledger", StorageNames.Default)] IPersistentState<VendorLedgerState> state) : Grain, IVendorLedgerGrain
{
    private CoalescedStateWriter? writer;

    public async Task ApplyInvoiceAsync(InvoiceSnapshot invoice)
    {
        var ledger = state.State;
        if (ledger.Invoices.TryGetValue(invoice.InvoiceNumber, out var previous) && previous.Version >= invoice.Version)
        {
            // A retry of a change that an interleaved call applied returns only once that change is stored.
            await (writer?.StoredAsync() ?? Task.CompletedTask);
            return;
        }

        var next = new InvoiceContribution(
            invoice.Version, invoice.Currency, invoice.Amount, invoice.OpenAmount, invoice.PaidAmount,
            invoice.CreditedAmount, invoice.WrittenOffAmount, invoice.Voided, invoice.IssueDate);
        if (previous is not null)
        {
            Adjust(previous, -1);
        }

        Adjust(next, +1);
        ledger.Invoices[invoice.InvoiceNumber] = next;
        writer ??= new CoalescedStateWriter(state.WriteStateAsync, DeactivateOnIdle);
        await writer.WriteAsync();
    }

    public Task<IReadOnlyList<VendorCurrencyFigures>> GetFiguresAsync() =>
        Task.FromResult<IReadOnlyList<VendorCurrencyFigures>>(
            [.. state.State.Figures.Values.OrderBy(figures => figures.Currency, StringComparer.Ordinal)]);

    public Task<IssuedInvoiceCount> CountIssuedAsync(DateOnly first, DateOnly last, IReadOnlyList<string> queriedInvoiceNumbers)
    {
        var queried = queriedInvoiceNumbers.ToHashSet(StringComparer.Ordinal);
        var issued = 0;
        var issuedAndQueried = 0;

        // NOTE: an invoice whose contribution predates the stored issue date is not counted until it changes again.
        foreach (var (number, contribution) in state.State.Invoices)
        {
            if (contribution.Voided || contribution.IssueDate is not { } issueDate || issueDate < first || issueDate > last)
            {
                continue;
            }

            issued++;
            if (queried.Contains(number))
            {
                issuedAndQueried++;
            }
        }

        return Task.FromResult(new IssuedInvoiceCount(issued, issuedAndQueried));
    }

    private void Adjust(InvoiceContribution contribution, int sign)
    {
        var figures = state.State.Figures;
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
