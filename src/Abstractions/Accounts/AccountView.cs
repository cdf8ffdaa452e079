namespace TermSync.Accounts;

/// <summary>A vendor's customer account: its contact, its network customer and its unapplied credit per currency.</summary>
/// <param name="UnappliedCredit">Money received beyond what invoices owed, by currency, never negative.</param>
[GenerateSerializer, Immutable, Alias("termsync.AccountView")]
public sealed record AccountView(
    [property: Id(0)] string VendorId,
    [property: Id(1)] string AccountNumber,
    [property: Id(2)] CustomerContact Contact,
    [property: Id(3)] string CustomerId,
    [property: Id(4)] IReadOnlyDictionary<string, decimal> UnappliedCredit,
    [property: Id(5)] int InvoiceCount);
