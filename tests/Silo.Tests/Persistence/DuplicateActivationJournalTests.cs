using Npgsql;
using Orleans.Storage;
using TermSync.Customers;
using TermSync.Invoices;
using TermSync.Tests;
using TermSync.Vendors;

namespace TermSync.Silo.Tests.Persistence;

/// <summary>
/// Two silos of different clusters on one database and service id each activate the same vendor ledger shard, as two
/// activations of one grain do after a membership failure. The shard's journal must keep one history, so a write of
/// the activation that missed the other's changes either fails or survives a restart.
/// </summary>
public sealed class DuplicateActivationJournalTests : SiloDatabaseTest
{
    private const string Shard = "duplicate/0";

    [Fact]
    public async Task Stale_activation_write_after_snapshot_is_rejected()
    {
        IReadOnlyList<VendorCurrencyFigures> expected;
        Exception? staleWrite;
        await using (var current = await StartSiloAsync("current"))
        await using (var stale = await StartSiloAsync("stale"))
        {
            var currentShard = current.Grains.GetGrain<IVendorLedgerGrain>(Shard);
            var staleShard = stale.Grains.GetGrain<IVendorLedgerGrain>(Shard);
            await currentShard.ApplyInvoiceAsync(Invoice("KEPT", 1, 101m));
            Assert.Equal(101m, (await staleShard.GetFiguresAsync()).Single().InvoicedAmount);

            // New versions of one invoice keep the shard at one invoice, so its snapshot interval stays at 17 entries.
            for (var version = 2; version <= 40; version++)
            {
                await currentShard.ApplyInvoiceAsync(Invoice("KEPT", version, 100m + version));
            }

            Assert.DoesNotContain(2L, await JournalAsync("vendorledger/" + Shard));
            staleWrite = await Record.ExceptionAsync(() => staleShard.ApplyInvoiceAsync(Invoice("LOST", 1, 7m)));
            expected = staleWrite is null
                ? [new VendorCurrencyFigures("USD", 2, 2, 147m, 147m, 0m, 0m, 0m)]
                : await currentShard.GetFiguresAsync();
        }

        await using (var restarted = await StartSiloAsync("restarted"))
        {
            Assert.Equal(expected, await restarted.Grains.GetGrain<IVendorLedgerGrain>(Shard).GetFiguresAsync());
        }

        Assert.IsType<InconsistentStateException>(staleWrite);
    }

    private static InvoiceSnapshot Invoice(string number, int version, decimal amount) => new(
        "duplicate", number, new CustomerReference("c1", "Customer One", null), "USD", amount, 0m,
        new DateOnly(2013, 1, 2), new DateOnly(2013, 2, 1), false, version);
}
