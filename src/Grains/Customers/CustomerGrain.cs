using Microsoft.Extensions.Logging;
using TermSync.Customers;
using TermSync.Digests;
using TermSync.Invoices;
using TermSync.Vendors;

namespace TermSync.Grains.Customers;

public sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.Default)] IPersistentState<CustomerState> state,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain
{
    private string CustomerId => this.GetPrimaryKeyString();

    public async Task ApplyInvoiceAsync(InvoiceSnapshot invoice)
    {
        if (!state.State.Book.Apply(invoice))
        {
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
