using TermSync.Accounts;

namespace TermSync.Grains.Accounts;

/// <summary>
/// One change of a customer account, as its journal stores it. Applying a change that the state already contains
/// changes nothing.
/// </summary>
[GenerateSerializer, Alias("termsync.AccountChange")]
public abstract record AccountChange
{
    public abstract void ApplyTo(CustomerAccountState account);
}

/// <summary>
/// The account's contact and network customer after an upsert, the invoice numbers it added, and whether the
/// account's invoices must move to the new contact.
/// </summary>
[GenerateSerializer, Alias("termsync.AccountChange.AccountUpserted")]
public sealed record AccountUpserted(
    [property: Id(0)] CustomerContact Contact,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] IReadOnlyList<string> AddedInvoiceNumbers,
    [property: Id(3)] bool MovesInvoices = false) : AccountChange
{
    public override void ApplyTo(CustomerAccountState account)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.Contact = Contact;
        account.CustomerId = CustomerId;
        account.InvoiceNumbers.UnionWith(AddedInvoiceNumbers);
        account.InvoicesMovePending |= MovesInvoices;
    }
}

/// <summary>Every invoice of the account is billed to its current contact.</summary>
[GenerateSerializer, Alias("termsync.AccountChange.InvoicesMoved")]
public sealed record InvoicesMoved : AccountChange
{
    public override void ApplyTo(CustomerAccountState account)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.InvoicesMovePending = false;
    }
}

/// <summary>A payment's unapplied part, credited to the account.</summary>
[GenerateSerializer, Alias("termsync.AccountChange.CreditAdded")]
public sealed record CreditAdded(
    [property: Id(0)] string PaymentReference,
    [property: Id(1)] UnappliedCredit Credit) : AccountChange
{
    public override void ApplyTo(CustomerAccountState account)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.UnappliedCredits.TryAdd(PaymentReference, Credit);
    }
}

/// <summary>A payment's unapplied part, taken off the account again.</summary>
[GenerateSerializer, Alias("termsync.AccountChange.CreditRemoved")]
public sealed record CreditRemoved([property: Id(0)] string PaymentReference) : AccountChange
{
    public override void ApplyTo(CustomerAccountState account)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.UnappliedCredits.Remove(PaymentReference);
    }
}
