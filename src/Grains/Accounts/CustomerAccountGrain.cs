using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TermSync.Accounts;
using TermSync.Grains.Storage;
using TermSync.Invoices;

namespace TermSync.Grains.Accounts;

/// <summary>
/// A vendor's customer account. It resolves the network customer from the contact's tax id or email and, when a new
/// contact resolves to another customer, moves every invoice of the account there. Each change appends one entry to
/// the account's journal, so an account that gains invoices batch after batch does not rewrite its list of invoice
/// numbers each time.
/// </summary>
public sealed partial class CustomerAccountGrain(
    [PersistentState("account", StorageNames.Default)] IPersistentState<CustomerAccountState> state,
    ILogger<CustomerAccountGrain> logger) : Grain, ICustomerAccountGrain
{
    /// <summary>The journal entries that may follow a snapshot of an account without invoices or credits.</summary>
    private const int SnapshotInterval = 16;

    /// <summary>The invoice numbers whose stored size is about that of one journal entry.</summary>
    private const int InvoiceNumbersPerEntry = 4;

    private JournaledState<CustomerAccountState, AccountChange> journal = null!;

    private CustomerAccountState Account => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        journal = new JournaledState<CustomerAccountState, AccountChange>(
            state,
            ServiceProvider.GetKeyedService<IGrainJournal>(StorageNames.Default),
            this.GetGrainId(),
            static (account, change) => change.ApplyTo(account),
            static account => SnapshotInterval + account.InvoiceNumbers.Count / InvoiceNumbersPerEntry + account.UnappliedCredits.Count,
            DeactivateOnIdle);
        await journal.LoadAsync();
    }

    public async Task<string> UpsertAsync(CustomerContact contact, IReadOnlyList<string> invoiceNumbers)
    {
        var (vendorId, accountNumber) = VendorScopedKey.Parse(this.GetPrimaryKeyString());
        var changed = Account.Contact != contact;
        var previousCustomerId = Account.CustomerId;
        var customerId = changed || previousCustomerId is null ? await ResolveCustomerAsync(vendorId, accountNumber, contact) : previousCustomerId;

        var added = invoiceNumbers.Where(number => !Account.InvoiceNumbers.Contains(number)).Distinct(StringComparer.Ordinal).ToList();
        if (changed || added.Count > 0 || customerId != previousCustomerId)
        {
            // A new name or mailbox must reach the digest, so a changed contact moves the invoices even when the
            // customer stays the same.
            await RecordAsync(new AccountUpserted(contact, customerId, added, MovesInvoices: changed && previousCustomerId is not null));
            if (previousCustomerId is not null && previousCustomerId != customerId)
            {
                LogAccountRelinked(vendorId, accountNumber, previousCustomerId, customerId);
            }
        }
        else
        {
            // A repeat after a failed write stores the change it left in memory before it reports success.
            await journal.StoredAsync();
        }

        if (Account.InvoicesMovePending)
        {
            // The move stays pending until every invoice is moved, so a repeat after a failed move finishes it.
            await MoveInvoicesAsync(vendorId, accountNumber, new CustomerReference(customerId, contact.Name, contact.Email, contact.TimeZone, contact.Language), invoiceNumbers);
            await RecordAsync(new InvoicesMoved());
        }

        return customerId;
    }

    public async Task AddUnappliedCreditAsync(string paymentReference, string currency, decimal amount)
    {
        if (!Account.UnappliedCredits.ContainsKey(paymentReference))
        {
            await RecordAsync(new CreditAdded(paymentReference, new UnappliedCredit(currency, amount)));
        }
    }

    public async Task RemoveUnappliedCreditAsync(string paymentReference)
    {
        if (Account.UnappliedCredits.ContainsKey(paymentReference))
        {
            await RecordAsync(new CreditRemoved(paymentReference));
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

    /// <summary>
    /// Bills every invoice of the account to <paramref name="customer"/>, except those the caller is about to issue and
    /// those an amendment put on another account.
    /// </summary>
    private async Task MoveInvoicesAsync(string vendorId, string accountNumber, CustomerReference customer, IReadOnlyList<string> skip)
    {
        var moving = Account.InvoiceNumbers.Except(skip, StringComparer.Ordinal).ToList();
        foreach (var chunk in moving.Chunk(32))
        {
            await Task.WhenAll(chunk.Select(number =>
                GrainFactory.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(vendorId, number)).MoveToCustomerAsync(accountNumber, customer)));
        }
    }

    /// <summary>Applies <paramref name="change"/> to the account and completes once it is stored.</summary>
    private Task RecordAsync(AccountChange change)
    {
        change.ApplyTo(Account);
        return journal.RecordAsync(change);
    }

    private ICustomerIdentityGrain Identity(string key) => GrainFactory.GetGrainCached<ICustomerIdentityGrain>(key);

    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Account {AccountNumber} of vendor {VendorId} relinked from customer {PreviousCustomerId} to {CustomerId}")]
    private partial void LogAccountRelinked(string vendorId, string accountNumber, string previousCustomerId, string customerId);
}
