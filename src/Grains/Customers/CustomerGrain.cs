using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TermSync.Customers;
using TermSync.Digests;
using TermSync.Invoices;
using TermSync.Surveys;
using TermSync.Vendors;

namespace TermSync.Grains.Customers;

public sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.Default)] IPersistentState<CustomerState> state,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain
{
    private string CustomerId => this.GetPrimaryKeyString();

    public async Task ApplyInvoiceAsync(InvoiceSnapshot invoice)
    {
        var wasOpen = state.State.Book.Open.ContainsKey(InvoiceKey.Format(invoice.VendorId, invoice.InvoiceNumber));
        if (!state.State.Book.Apply(invoice))
        {
            return;
        }

        state.State.Reference = invoice.Customer;
        if (wasOpen && invoice.Status == InvoiceStatus.Paid)
        {
            await QualifyForSurveyAsync(invoice);
        }

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
    }

    public async Task<CustomerStatement> GetStatementAsync(DateOnly asOf)
    {
        var vendorIds = state.State.Book.Open.Values.Select(invoice => invoice.VendorId).Distinct(StringComparer.Ordinal).ToList();
        var profiles = await Task.WhenAll(vendorIds.Select(id => GrainFactory.GetGrain<IVendorGrain>(id).GetProfileAsync()));
        var names = vendorIds
            .Zip(profiles, (id, profile) => (id, name: profile?.Name ?? id))
            .ToDictionary(pair => pair.id, pair => pair.name, StringComparer.Ordinal);

        return StatementBuilder.Build(CustomerId, state.State.Reference, asOf, state.State.Book, names);
    }

    public Task<bool> ExistsAsync() => Task.FromResult(state.State.Reference is not null);

    private async Task SaveAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // A failed write leaves the change in memory only; the next activation reloads the stored state.
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>
    /// Makes the vendor of an invoice that was just paid in full eligible to survey the customer. It runs before the
    /// snapshot is stored, so a failure here makes the invoice grain's retry apply the snapshot and qualify again.
    /// </summary>
    private async Task QualifyForSurveyAsync(InvoiceSnapshot invoice)
    {
        try
        {
            await GrainFactory.GetGrain<ICustomerSurveyGrain>(CustomerId)
                .QualifyAsync(invoice.VendorId, SurveyTrigger.InvoicePaid, invoice.InvoiceNumber, time.GetUtcNow());
        }
        catch
        {
            // The snapshot is applied in memory only; the next activation reloads the stored book without it.
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task EnrollAsync()
    {
        if (state.State.Enrolled)
        {
            return;
        }

        await GrainFactory.GetGrain<ICustomerDirectoryGrain>(ICustomerDirectoryGrain.ShardOf(CustomerId)).AddAsync(CustomerId);
        await GrainFactory.GetGrain<IDigestGrain>(CustomerId).EnsureScheduledAsync(state.State.Reference?.TimeZone);
        state.State.Enrolled = true;
        await SaveAsync();
        LogCustomerEnrolled(CustomerId);
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Customer {CustomerId} joined the network and its digest is scheduled")]
    private partial void LogCustomerEnrolled(string customerId);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Invoice {VendorId}/{InvoiceNumber} moved away from customer {CustomerId}")]
    private partial void LogInvoiceMoved(string customerId, string vendorId, string invoiceNumber);
}
