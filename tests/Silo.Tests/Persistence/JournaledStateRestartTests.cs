using Npgsql;
using Orleans.Storage;
using TermSync.Customers;
using TermSync.Invoices;
using TermSync.Tests;
using TermSync.Vendors;

namespace TermSync.Silo.Tests.Persistence;

/// <summary>
/// Customer grains and vendor ledger shards store a snapshot plus a journal of the changes since. These tests compare
/// what the grains rebuild after a silo restart, and which entries their journals contain.
/// </summary>
public sealed class JournaledStateRestartTests : SiloDatabaseTest
{
    private static readonly DateOnly AsOf = new(2013, 3, 1);

    [Fact]
    public async Task Restart_after_snapshot_and_later_entries_keeps_figures()
    {
        string before;
        IReadOnlyList<VendorCurrencyFigures> figuresBefore;
        await using (var first = await StartSiloAsync())
        {
            await first.Grains.GetGrain<IVendorGrain>("north").RegisterAsync(new VendorProfile("North", "ar@north.example", "UTC"));
            var invoices = Enumerable.Range(1, 40)
                .Select(index => first.Grains.GetGrain<IInvoiceGrain>(InvoiceKey.Format("north", $"J-{index}")))
                .ToList();
            for (var index = 0; index < invoices.Count; index++)
            {
                await invoices[index].IssueAsync(new InvoiceDraft(
                    new CustomerReference("c1", "Customer One", null), "USD", 100m + index, new DateOnly(2013, 1, 2), new DateOnly(2013, 2, 1), "A-1"));
            }

            // Payments shrink the open book while entries pile up, so the customer stores snapshots between them.
            for (var index = 0; index < 36; index++)
            {
                await invoices[index].ApplyPaymentAsync($"P-{index}", index % 2 == 0 ? 100m + index : 50m, new DateOnly(2013, 1, 20));
            }

            before = Describe(await first.Grains.GetGrain<ICustomerGrain>("c1").GetStatementAsync(AsOf));
            figuresBefore = await VendorFiguresAsync(first.Grains);
        }

        var customerEntries = await JournalAsync("customer/c1");
        Assert.True(customerEntries.Count > 0, "The customer's journal holds no entries after its last snapshot, so the test replays nothing.");
        Assert.True(customerEntries.Min() > 1, "The customer's journal was never truncated, so no snapshot was stored.");

        await using var second = await StartSiloAsync();
        Assert.Equal(before, Describe(await second.Grains.GetGrain<ICustomerGrain>("c1").GetStatementAsync(AsOf)));
        Assert.Equal(figuresBefore, await VendorFiguresAsync(second.Grains));
    }

    [Fact]
    public async Task Repeated_invoice_push_adds_no_entries()
    {
        await using var silo = await StartSiloAsync();
        await silo.Grains.GetGrain<IVendorGrain>("north").RegisterAsync(new VendorProfile("North", "ar@north.example", "UTC"));
        var invoice = silo.Grains.GetGrain<IInvoiceGrain>(InvoiceKey.Format("north", "R-1"));
        var draft = new InvoiceDraft(new CustomerReference("c2", "Customer Two", null), "USD", 80m, new DateOnly(2013, 1, 2), new DateOnly(2013, 2, 1), "A-2");
        await invoice.IssueAsync(draft);
        var shardId = "vendorledger/" + IVendorLedgerGrain.KeyOf("north", "R-1");
        var customerBefore = (await JournalAsync("customer/c2")).Order().ToList();
        var shardBefore = (await JournalAsync(shardId)).Order().ToList();

        await invoice.IssueAsync(draft);

        Assert.NotEmpty(customerBefore);
        Assert.NotEmpty(shardBefore);
        Assert.Equal(customerBefore, (await JournalAsync("customer/c2")).Order());
        Assert.Equal(shardBefore, (await JournalAsync(shardId)).Order());
        Assert.Equal(80m, (await VendorFiguresAsync(silo.Grains)).Single().OpenAmount);
        Assert.Equal(80m, (await silo.Grains.GetGrain<ICustomerGrain>("c2").GetStatementAsync(AsOf)).Totals.Single().OpenAmount);
    }

    [Fact]
    public async Task Activation_with_a_journal_gap_fails()
    {
        const string shard = "gap/0";
        await using (var first = await StartSiloAsync())
        {
            var ledger = first.Grains.GetGrain<IVendorLedgerGrain>(shard);
            for (var index = 1; index <= 3; index++)
            {
                await ledger.ApplyInvoiceAsync(new InvoiceSnapshot(
                    "gap", $"G-{index}", new CustomerReference("c3", "Customer Three", null), "USD", 10m, 0m,
                    new DateOnly(2013, 1, 2), new DateOnly(2013, 2, 1), false, 1));
            }
        }

        // A journal read after another activation's truncation misses the entries that its newer snapshot contains.
        await using (var connection = new NpgsqlConnection(Database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("DELETE FROM grain_journal WHERE grain_id = $1 AND sequence = 2", connection);
            command.Parameters.AddWithValue("vendorledger/" + shard);
            Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        await using var second = await StartSiloAsync();
        await Assert.ThrowsAsync<InconsistentStateException>(() => second.Grains.GetGrain<IVendorLedgerGrain>(shard).GetFiguresAsync());
    }

    private static string Describe(CustomerStatement statement) =>
        string.Join(
            "; ",
            statement.Vendors.SelectMany(vendor => vendor.Invoices).Select(invoice => $"{invoice.InvoiceNumber}={invoice.OpenAmount}")
                .Concat(statement.Totals.Select(total => $"{total.Currency}:{total.OpenCount}:{total.OpenAmount}")));

    private static Task<IReadOnlyList<VendorCurrencyFigures>> VendorFiguresAsync(IGrainFactory grains) =>
        IVendorLedgerGrain.SumAsync(grains, "north");
}
