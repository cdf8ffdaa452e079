using TermSync.Customers;
using TermSync.Grains.Customers;
using TermSync.Grains.Vendors;
using TermSync.Invoices;

namespace TermSync.Grains.Tests.Storage;

/// <summary>
/// A stored snapshot may already contain changes whose journal entries are replayed on it, so applying an entry a
/// second time must change nothing.
/// </summary>
public sealed class JournalReplayTests
{
    private static readonly CustomerReference Customer = new("c1", "Customer One", null);

    public static TheoryData<string> CustomerChanges => ["applied", "removed", "enrolled"];

    [Theory]
    [MemberData(nameof(CustomerChanges))]
    public void Customer_change_applies_once(string kind)
    {
        var state = new CustomerState();
        Assert.True(new InvoiceApplied(Invoice("I-1", 1, 100m, 0m)).ApplyTo(state));
        Assert.True(new InvoiceApplied(Invoice("I-2", 1, 40m, 10m)).ApplyTo(state));
        CustomerChange change = kind switch
        {
            "applied" => new InvoiceApplied(Invoice("I-1", 2, 100m, 25m)),
            "removed" => new InvoiceRemoved("north", "I-2", 2),
            _ => new CustomerEnrolled(),
        };
        Assert.True(change.ApplyTo(state));
        var once = Describe(state);

        Assert.False(change.ApplyTo(state));

        Assert.Equal(once, Describe(state));
    }

    [Fact]
    public void Ledger_contribution_applies_once()
    {
        var ledger = new VendorLedgerState();
        var first = new InvoiceContribution(1, "USD", 100m, 100m, 0m, 0m, 0m, false, new DateOnly(2013, 1, 2));
        var second = first with { Version = 2, Open = 60m, Paid = 40m };
        Assert.True(ledger.Apply("I-1", first));
        Assert.True(ledger.Apply("I-1", second));
        var once = ledger.Figures["USD"];

        Assert.False(ledger.Apply("I-1", second));
        Assert.False(ledger.Apply("I-1", first));

        Assert.Equal(once, ledger.Figures["USD"]);
        Assert.Equal(second, ledger.Invoices["I-1"]);
    }

    private static InvoiceSnapshot Invoice(string number, int version, decimal amount, decimal paid) => new(
        "north", number, Customer, "USD", amount, paid, new DateOnly(2013, 1, 2), new DateOnly(2013, 2, 1), false, version);

    private static string Describe(CustomerState state) => string.Join(
        "; ",
        state.Book.Open.Keys.Order(StringComparer.Ordinal)
            .Concat(state.Book.Totals.OrderBy(total => total.Key, StringComparer.Ordinal).Select(total => $"{total.Key}={total.Value}"))
            .Append($"enrolled={state.Enrolled}"));
}
