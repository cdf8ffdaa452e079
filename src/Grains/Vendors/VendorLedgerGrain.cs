using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using TermSync.Grains.Storage;
using TermSync.Invoices;
using TermSync.Vendors;

namespace TermSync.Grains.Vendors;

/// <summary>
/// One shard of a vendor's invoice totals. The grain is reentrant, so the invoices of a bulk push share state writes:
/// each call adjusts the totals in memory within one turn, then waits for a write that started after its change. A
/// write appends the new contributions to the shard's journal and stores the whole state only after about as many
/// changes as the shard has invoices.
/// </summary>
[Reentrant]
public sealed class VendorLedgerGrain(
    [PersistentState("vendorledger", StorageNames.Default)] IPersistentState<VendorLedgerState> state) : Grain, IVendorLedgerGrain
{
    /// <summary>The journal entries that may follow a snapshot of an empty shard.</summary>
    private const int SnapshotInterval = 16;

    private JournaledState<VendorLedgerState, ContributionRecorded> journal = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        journal = new JournaledState<VendorLedgerState, ContributionRecorded>(
            state,
            ServiceProvider.GetKeyedService<IGrainJournal>(StorageNames.Default),
            this.GetGrainId(),
            static (ledger, change) => ledger.Apply(change.InvoiceNumber, change.Contribution),
            static ledger => SnapshotInterval + ledger.Invoices.Count,
            DeactivateOnIdle);
        await journal.LoadAsync();
    }

    public async Task ApplyInvoiceAsync(InvoiceSnapshot invoice)
    {
        var next = new InvoiceContribution(
            invoice.Version, invoice.Currency, invoice.Amount, invoice.OpenAmount, invoice.PaidAmount,
            invoice.CreditedAmount, invoice.WrittenOffAmount, invoice.Voided, invoice.IssueDate);
        if (!state.State.Apply(invoice.InvoiceNumber, next))
        {
            // A retry of a change that an interleaved call applied returns only once that change is stored.
            await journal.StoredAsync();
            return;
        }

        await journal.RecordAsync(new ContributionRecorded(invoice.InvoiceNumber, next));
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
}
