using TermSync.Accounts;

namespace TermSync.Silo.Tests.Persistence;

/// <summary>
/// Customer accounts journal their changes: the invoice numbers each batch adds, and unapplied credits. These tests
/// restart the silo and compare what the account rebuilds from its snapshot and journal.
/// </summary>
public sealed class AccountJournalTests : SiloDatabaseTest
{
    private const string JournalId = "customeraccount/north/ACC-7";

    [Fact]
    public async Task Restarted_account_keeps_invoices()
    {
        var contact = new CustomerContact("Buyer Seven", "ap@seven.example", null);
        AccountView? before;
        await using (var first = await StartSiloAsync())
        {
            var account = first.Grains.GetGrain<ICustomerAccountGrain>(VendorScopedKey.Format("north", "ACC-7"));
            for (var batch = 0; batch < 30; batch++)
            {
                await account.UpsertAsync(contact, [$"N-{batch}-a", $"N-{batch}-b"]);
            }

            await account.AddUnappliedCreditAsync("PAY-1", "USD", 40m);
            await account.AddUnappliedCreditAsync("PAY-2", "USD", 15m);
            await account.RemoveUnappliedCreditAsync("PAY-1");
            for (var batch = 30; batch < 35; batch++)
            {
                await account.UpsertAsync(contact, [$"N-{batch}-a", $"N-{batch}-b"]);
            }

            // A repeated batch adds nothing to the journal.
            var entries = (await JournalAsync(JournalId)).Count;
            await account.UpsertAsync(contact, ["N-29-a", "N-29-b"]);
            Assert.Equal(entries, (await JournalAsync(JournalId)).Count);
            before = await account.GetAsync();
        }

        var stored = await JournalAsync(JournalId);
        Assert.True(stored.Count > 1, "The account's journal holds no entries after its last snapshot, so the test replays nothing.");
        Assert.True(stored.Min() > 1, "The account's journal was never truncated, so no snapshot was stored.");

        await using var second = await StartSiloAsync();
        var after = await second.Grains.GetGrain<ICustomerAccountGrain>(VendorScopedKey.Format("north", "ACC-7")).GetAsync();
        Assert.NotNull(after);
        Assert.Equal(70, after.InvoiceCount);
        Assert.Equal(15m, after.UnappliedCredit["USD"]);
        Assert.Equal(before!.CustomerId, after.CustomerId);
        Assert.Equal(before.Contact, after.Contact);
    }
}
