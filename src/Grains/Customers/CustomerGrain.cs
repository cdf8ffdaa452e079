using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TermSync.Customers;
using TermSync.Digests;
using Orleans.Concurrency;
using TermSync.Grains.Storage;
using TermSync.Invoices;
using TermSync.Surveys;
using TermSync.Vendors;

namespace TermSync.Grains.Customers;

/// <summary>
/// One customer's open invoices across every vendor. The grain is reentrant, so the invoice changes of a bulk push
/// interleave and share state writes: each call changes the book in memory within one turn, then waits for a write
/// that started after its change. A write appends the changes to the customer's journal and stores the whole state
/// only after about as many changes as the state's size in open invoices.
/// </summary>
[Reentrant]
public sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.Default)] IPersistentState<CustomerState> state,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain
{
    /// <summary>How long a vendor's name is reused before the vendor grain is asked again, so a renamed vendor shows within it.</summary>
    private static readonly TimeSpan VendorNameLifetime = TimeSpan.FromMinutes(1);

    // Vendor names by vendor id, read from the vendor grains and kept in memory only, so a statement read makes no
    // call to them while the names are fresh.
    private readonly Dictionary<string, (string Name, DateTimeOffset ReadAt)> vendorNames = new(StringComparer.Ordinal);

    private JournaledState<CustomerState, CustomerChange> journal = null!;

    /// <summary>The journal entries that may follow a snapshot of a customer without open invoices.</summary>
    private const int SnapshotInterval = 16;

    /// <summary>
    /// The known invoice versions whose stored size is about that of one open invoice. A snapshot also lists the version
    /// of every invoice ever billed, so paid invoices lengthen the interval too.
    /// </summary>
    private const int VersionsPerOpenInvoice = 8;

    private string CustomerId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        journal = new JournaledState<CustomerState, CustomerChange>(
            state,
            ServiceProvider.GetKeyedService<IGrainJournal>(StorageNames.Default),
            this.GetGrainId(),
            static (customer, change) => change.ApplyTo(customer),
            static customer => SnapshotInterval + customer.Book.Open.Count + customer.Book.Versions.Count / VersionsPerOpenInvoice,
            DeactivateOnIdle);
        await journal.LoadAsync();
    }

    public async Task ApplyInvoiceAsync(InvoiceSnapshot invoice)
    {
        var book = state.State.Book;
        if (!book.IsNewer(invoice))
        {
            // A retry of a change that an interleaved call applied returns only once that change is stored.
            await StoredAsync();
            return;
        }

        // The survey comes first, because once the book contains the snapshot a retry would find nothing left to do.
        if (book.Open.ContainsKey(InvoiceKey.Format(invoice.VendorId, invoice.InvoiceNumber)) && invoice.Status == InvoiceStatus.Paid)
        {
            await QualifyForSurveyAsync(invoice);
        }

        await RecordAsync(new InvoiceApplied(invoice));
        await EnrollAsync();
    }

    public async Task RemoveInvoiceAsync(string vendorId, string invoiceNumber, int version)
    {
        if (await RecordAsync(new InvoiceRemoved(vendorId, invoiceNumber, version)))
        {
            LogInvoiceMoved(CustomerId, vendorId, invoiceNumber);
        }
    }

    public async Task<CustomerStatement> GetStatementAsync(DateOnly asOf)
    {
        var now = time.GetUtcNow();
        var vendorIds = state.State.Book.Open.Values.Select(invoice => invoice.VendorId).Distinct(StringComparer.Ordinal).ToList();
        var stale = vendorIds.Where(id => !vendorNames.TryGetValue(id, out var known) || now - known.ReadAt >= VendorNameLifetime).ToList();
        if (stale.Count > 0)
        {
            var profiles = await Task.WhenAll(stale.Select(id => GrainFactory.GetGrainCached<IVendorGrain>(id).GetProfileAsync()));
            foreach (var (id, profile) in stale.Zip(profiles))
            {
                vendorNames[id] = (profile?.Name ?? id, now);
            }
        }

        var names = vendorIds.ToDictionary(id => id, id => vendorNames[id].Name, StringComparer.Ordinal);
        return StatementBuilder.Build(CustomerId, state.State.Reference, asOf, state.State.Book, names);
    }

    public async Task<CustomerStatement?> FindStatementAsync(DateOnly asOf) =>
        state.State.Reference is null ? null : await GetStatementAsync(asOf);

    public Task<bool> ExistsAsync() => Task.FromResult(state.State.Reference is not null);

    /// <summary>
    /// Applies <paramref name="change"/> and waits until it is stored, and returns false when it changed nothing. A
    /// repeated change waits for the write of the call that applied it, so it reports success only once that is stored.
    /// </summary>
    private async Task<bool> RecordAsync(CustomerChange change)
    {
        if (!change.ApplyTo(state.State))
        {
            await StoredAsync();
            return false;
        }

        await journal.RecordAsync(change);
        return true;
    }

    private Task StoredAsync() => journal.StoredAsync();

    /// <summary>
    /// Makes the vendor of an invoice that was just paid in full eligible to survey the customer. It runs before the
    /// snapshot is applied, so after a failure here the invoice grain's retry applies the snapshot and qualifies again.
    /// </summary>
    private Task QualifyForSurveyAsync(InvoiceSnapshot invoice) =>
        GrainFactory.GetGrainCached<ICustomerSurveyGrain>(CustomerId)
            .QualifyAsync(invoice.VendorId, SurveyTrigger.InvoicePaid, invoice.InvoiceNumber, time.GetUtcNow());

    private async Task EnrollAsync()
    {
        if (state.State.Enrolled)
        {
            return;
        }

        // Interleaved calls may both get here, and both steps are idempotent.
        await GrainFactory.GetGrain<ICustomerDirectoryGrain>(ICustomerDirectoryGrain.ShardOf(CustomerId)).AddAsync(CustomerId);
        await GrainFactory.GetGrainCached<IDigestGrain>(CustomerId).EnsureScheduledAsync(state.State.Reference?.TimeZone);
        if (await RecordAsync(new CustomerEnrolled()))
        {
            LogCustomerEnrolled(CustomerId);
        }
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Customer {CustomerId} joined the network and its digest is scheduled")]
    private partial void LogCustomerEnrolled(string customerId);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Invoice {VendorId}/{InvoiceNumber} moved away from customer {CustomerId}")]
    private partial void LogInvoiceMoved(string customerId, string vendorId, string invoiceNumber);
}
