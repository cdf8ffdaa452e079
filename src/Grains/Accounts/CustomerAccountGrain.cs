using Microsoft.Extensions.Logging;
using TermSync.Accounts;
using TermSync.Invoices;

namespace TermSync.Grains.Accounts;

/// <summary>
/// A vendor's customer account. It resolves the network customer from the contact's tax id or email and, when a new
/// contact resolves to another customer, moves every invoice of the account there.
/// </summary>
public sealed partial class CustomerAccountGrain(
    [PersistentState("account", StorageNames.Default)] IPersistentState<CustomerAccountState> state,
    ILogger<CustomerAccountGrain> logger) : Grain, ICustomerAccountGrain
{
    private CustomerAccountState Account => state.State;

    public async Task<string> UpsertAsync(CustomerContact contact, IReadOnlyList<string> invoiceNumbers)
    {
        var (vendorId, accountNumber) = VendorScopedKey.Parse(this.GetPrimaryKeyString());
        var changed = Account.Contact != contact;
        var previousCustomerId = Account.CustomerId;
        var customerId = changed || previousCustomerId is null ? await ResolveCustomerAsync(vendorId, accountNumber, contact) : previousCustomerId;

        var added = invoiceNumbers.Count(Account.InvoiceNumbers.Add);
        if (!changed && added == 0 && customerId == previousCustomerId)
        {
            return customerId;
        }

        Account.Contact = contact;
        Account.CustomerId = customerId;
        await state.WriteStateAsync();

        if (changed && previousCustomerId is not null)
        {
            // A new name or mailbox must reach the digest even when the account stays with the same customer.
            await MoveInvoicesAsync(vendorId, new CustomerReference(customerId, contact.Name, contact.Email, contact.TimeZone, contact.Language), invoiceNumbers);
            if (previousCustomerId != customerId)
            {
                LogAccountRelinked(vendorId, accountNumber, previousCustomerId, customerId);
            }
        }

        return customerId;
    }

    public async Task AddUnappliedCreditAsync(string paymentReference, string currency, decimal amount)
    {
        if (Account.UnappliedCredits.TryAdd(paymentReference, new UnappliedCredit(currency, amount)))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveUnappliedCreditAsync(string paymentReference)
    {
        if (Account.UnappliedCredits.Remove(paymentReference))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<AccountView?> GetAsync()
    {
        if (Account.Contact is null || Account.CustomerId is null)
        {
            return Task.FromResult<AccountView?>(null);
        }

        var (vendorId, accountNumber) = VendorScopedKey.Parse(this.GetPrimaryKeyString());
        var credit = Account.UnappliedCredits.Values
            .GroupBy(entry => entry.Currency, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(entry => entry.Amount), StringComparer.Ordinal);
        return Task.FromResult<AccountView?>(new AccountView(vendorId, accountNumber, Account.Contact, Account.CustomerId, credit, Account.InvoiceNumbers.Count));
    }

    /// <summary>
    /// Resolves the network customer: the tax id's customer when a tax id is given (adopting the email's customer
    /// when the tax id is new), else the email's, else a customer of this account alone. The email is linked to the
    /// same customer when it has none yet.
    /// </summary>
    private async Task<string> ResolveCustomerAsync(string vendorId, string accountNumber, CustomerContact contact)
    {
        var email = string.IsNullOrWhiteSpace(contact.Email) ? null : Identity(NetworkIdentity.OfEmail(contact.Email));
        var taxId = string.IsNullOrWhiteSpace(contact.TaxId) ? null : Identity(NetworkIdentity.OfTaxId(contact.TaxId));

        if (taxId is not null)
        {
            var proposed = (email is null ? null : await email.FindAsync()) ?? NetworkIdentity.DeriveCustomerId(NetworkIdentity.OfTaxId(contact.TaxId!));
            var customerId = await taxId.ResolveAsync(proposed);
            if (email is not null)
            {
                await email.ResolveAsync(customerId);
            }

            return customerId;
        }

        return email is not null
            ? await email.ResolveAsync(NetworkIdentity.DeriveCustomerId(NetworkIdentity.OfEmail(contact.Email!)))
            : NetworkIdentity.DeriveCustomerId(NetworkIdentity.OfAccount(vendorId, accountNumber));
    }

    /// <summary>Bills every invoice of the account, except those the caller is about to issue, to <paramref name="customer"/>.</summary>
    private async Task MoveInvoicesAsync(string vendorId, CustomerReference customer, IReadOnlyList<string> skip)
    {
        var moving = Account.InvoiceNumbers.Except(skip, StringComparer.Ordinal).ToList();
        foreach (var chunk in moving.Chunk(32))
        {
            await Task.WhenAll(chunk.Select(number =>
                GrainFactory.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(vendorId, number)).MoveToCustomerAsync(customer)));
        }
    }

    private ICustomerIdentityGrain Identity(string key) => GrainFactory.GetGrainCached<ICustomerIdentityGrain>(key);

    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Account {AccountNumber} of vendor {VendorId} relinked from customer {PreviousCustomerId} to {CustomerId}")]
    private partial void LogAccountRelinked(string vendorId, string accountNumber, string previousCustomerId, string customerId);
}
