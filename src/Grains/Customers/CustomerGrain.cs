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
/// that started after its change.
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

    private CoalescedStateWriter? writer;

    private string CustomerId => this.GetPrimaryKeyString();

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

        if (!book.Apply(invoice))
        {
            await StoredAsync();
            return;
        }

        state.State.Reference = invoice.Customer;
        await SaveAsync();
        await EnrollAsync();
    }

    public async Task RemoveInvoiceAsync(string vendorId, string invoiceNumber, int version)
    {
        if (state.State.Book.Remove(vendorId, invoiceNumber, version))
        {
            await SaveAsync();
            LogInvoiceMoved(CustomerId, vendorId, invoiceNumber);
        }
        else
        {
            await StoredAsync();
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

    private Task SaveAsync()
    {
        writer ??= new CoalescedStateWriter(state.WriteStateAsync, DeactivateOnIdle);
        return writer.WriteAsync();
    }

    private Task StoredAsync() => writer?.StoredAsync() ?? Task.CompletedTask;

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
        state.State.Enrolled = true;
        await SaveAsync();
        LogCustomerEnrolled(CustomerId);
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Customer {CustomerId} joined the network and its digest is scheduled")]
    private partial void LogCustomerEnrolled(string customerId);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Invoice {VendorId}/{InvoiceNumber} moved away from customer {CustomerId}")]
    private partial void LogInvoiceMoved(string customerId, string vendorId, string invoiceNumber);
}
