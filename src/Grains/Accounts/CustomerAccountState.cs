using TermSync.Accounts;
using TermSync.Grains.Storage;

namespace TermSync.Grains.Accounts;

[GenerateSerializer, Alias("termsync.CustomerAccountState")]
public sealed class CustomerAccountState : IJournaledState
{
    [Id(0)]
    public CustomerContact? Contact { get; set; }

    /// <summary>The network customer the account is linked to.</summary>
    [Id(1)]
    public string? CustomerId { get; set; }

    /// <summary>Numbers of the account's invoices, which move with the account when it is relinked.</summary>
    [Id(2)]
    public SortedSet<string> InvoiceNumbers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Unapplied credit by payment reference, so each payment adds and removes its own part once.</summary>
    [Id(3)]
    public Dictionary<string, UnappliedCredit> UnappliedCredits { get; set; } = new(StringComparer.Ordinal);

    [Id(4)]
    public long JournalSequence { get; set; }

    /// <summary>
    /// Whether the contact changed and some invoices of the account may still be billed to the previous customer or
    /// contact. It stays set until every invoice is moved, so a repeat of a failed upsert finishes the move.
    /// </summary>
    [Id(5)]
    public bool InvoicesMovePending { get; set; }
}

[GenerateSerializer, Alias("termsync.UnappliedCredit")]
public sealed record UnappliedCredit(
    [property: Id(0)] string Currency,
    [property: Id(1)] decimal Amount);
