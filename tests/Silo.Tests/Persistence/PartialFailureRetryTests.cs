using Npgsql;
using TermSync.Accounts;
using TermSync.Customers;
using TermSync.Digests;
using TermSync.Invoices;
using TermSync.Vendors;

namespace TermSync.Silo.Tests.Persistence;

/// <summary>
/// A command that stored its own grain and then failed to update another one reports the error, and the caller
/// retries it. These tests make PostgreSQL reject one grain's writes with a trigger, drop the trigger, retry, and check
/// that the retry brought every grain up to date.
/// </summary>
public sealed class PartialFailureRetryTests : SiloDatabaseTest
{
    private static readonly DateOnly AsOf = new(2013, 3, 1);

    [Fact]
    public async Task Retried_move_clears_old_customer()
    {
        await using var silo = await StartSiloAsync();
        await silo.Grains.GetGrain<IVendorGrain>("north").RegisterAsync(new VendorProfile("North", "ar@north.example", "UTC"));
        var invoice = silo.Grains.GetGrain<IInvoiceGrain>(InvoiceKey.Format("north", "M-1"));
        var draft = new InvoiceDraft(new CustomerReference("c-old", "Old Buyer", "ap@old.example"), "USD", 120m, new DateOnly(2013, 1, 2), new DateOnly(2013, 2, 1), "A-1");
        await invoice.IssueAsync(draft);
        var moved = draft with { Customer = new CustomerReference("c-new", "New Buyer", "ap@new.example") };

        await using (await RejectWritesAsync("grain_journal", "grain_id = 'customer/c-old'"))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => invoice.IssueAsync(moved));
        }

        await invoice.IssueAsync(moved);

        var oldStatement = await silo.Grains.GetGrain<ICustomerGrain>("c-old").GetStatementAsync(AsOf);
        var oldDigest = await silo.Grains.GetGrain<IDigestGrain>("c-old").PreviewAsync(AsOf);
        var newStatement = await silo.Grains.GetGrain<ICustomerGrain>("c-new").GetStatementAsync(AsOf);
        Assert.Equal(0, oldStatement.OpenCount);
        Assert.Empty(oldDigest.Lines);
        Assert.Equal(120m, newStatement.Totals.Single().OpenAmount);
    }

    [Fact]
    public async Task Relink_retried_after_restart_moves_invoices()
    {
        var oldContact = new CustomerContact("Buyer", "ap@old.example", null);
        var newContact = new CustomerContact("Buyer", "ap@new.example", null);
        string oldCustomerId;
        await using (var first = await StartSiloAsync())
        {
            await first.Grains.GetGrain<IVendorGrain>("north").RegisterAsync(new VendorProfile("North", "ar@north.example", "UTC"));
            var account = first.Grains.GetGrain<ICustomerAccountGrain>(VendorScopedKey.Format("north", "ACC-1"));
            oldCustomerId = await account.UpsertAsync(oldContact, ["R-1", "R-2"]);
            foreach (var number in new[] { "R-1", "R-2" })
            {
                await first.Grains.GetGrain<IInvoiceGrain>(InvoiceKey.Format("north", number)).IssueAsync(new InvoiceDraft(
                    new CustomerReference(oldCustomerId, oldContact.Name, oldContact.Email), "USD", 30m, new DateOnly(2013, 1, 2), new DateOnly(2013, 2, 1), "ACC-1"));
            }

            // The account stores its new contact, and then the move of R-2 fails.
            await using (await RejectWritesAsync("orleans_grain_state", "grain_id_extension_string = 'north/R-2'"))
            {
                await Assert.ThrowsAnyAsync<Exception>(() => account.UpsertAsync(newContact, []));
            }
        }

        await using var second = await StartSiloAsync();
        var newCustomerId = await second.Grains.GetGrain<ICustomerAccountGrain>(VendorScopedKey.Format("north", "ACC-1")).UpsertAsync(newContact, []);

        Assert.NotEqual(oldCustomerId, newCustomerId);
        foreach (var number in new[] { "R-1", "R-2" })
        {
            var stored = await second.Grains.GetGrain<IInvoiceGrain>(InvoiceKey.Format("north", number)).GetAsync();
            Assert.Equal(newCustomerId, stored!.Customer.Id);
        }

        Assert.Empty((await second.Grains.GetGrain<IDigestGrain>(oldCustomerId).PreviewAsync(AsOf)).Lines);
        Assert.Equal(2, (await second.Grains.GetGrain<ICustomerGrain>(newCustomerId).GetStatementAsync(AsOf)).OpenCount);
    }

    [Fact]
    public async Task Failed_payment_publish_repairs_without_retry()
    {
        await using var silo = await StartSiloAsync();
        await silo.Grains.GetGrain<IVendorGrain>("north").RegisterAsync(new VendorProfile("North", "ar@north.example", "UTC"));
        var invoice = silo.Grains.GetGrain<IInvoiceGrain>(InvoiceKey.Format("north", "P-1"));
        await invoice.IssueAsync(new InvoiceDraft(new CustomerReference("c-pay", "Paying Buyer", "ap@pay.example"), "USD", 90m, new DateOnly(2013, 1, 2), new DateOnly(2013, 2, 1), "A-3"));

        await using (await RejectWritesAsync("grain_journal", "grain_id = 'customer/c-pay'"))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => invoice.ApplyPaymentAsync("PAY-1", 90m, new DateOnly(2013, 1, 20)));
        }

        // The payment is stored, the customer still shows the invoice open, and the invoice has a reminder to repair it.
        Assert.Equal(1, (await silo.Grains.GetGrain<ICustomerGrain>("c-pay").GetStatementAsync(AsOf)).OpenCount);
        Assert.Equal(1, await CountRepublishRemindersAsync("invoice/north/P-1"));

        // The test delivers the reminder's tick itself instead of waiting a minute for it.
        await invoice.AsReference<IRemindable>().ReceiveReminder("republish", default(TickStatus), TestContext.Current.CancellationToken);

        Assert.Equal(0, (await silo.Grains.GetGrain<ICustomerGrain>("c-pay").GetStatementAsync(AsOf)).OpenCount);
        Assert.Empty((await silo.Grains.GetGrain<IDigestGrain>("c-pay").PreviewAsync(AsOf)).Lines);
        Assert.Equal(0, await CountRepublishRemindersAsync("invoice/north/P-1"));
    }

    private async Task<long> CountRepublishRemindersAsync(string grainId)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleans_reminder WHERE grain_id = $1 AND reminder_name = 'republish'", connection);
        command.Parameters.AddWithValue(grainId);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Makes PostgreSQL reject each insert or update of <paramref name="table"/> whose new row matches <paramref name="condition"/>, until disposed.</summary>
    private async Task<IAsyncDisposable> RejectWritesAsync(string table, string condition)
    {
        await ExecuteAsync($"""
            CREATE FUNCTION reject_test_write() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'write rejected by the test';
            END
            $$;
            CREATE TRIGGER reject_test_write BEFORE INSERT OR UPDATE ON {table}
                FOR EACH ROW WHEN (NEW.{condition}) EXECUTE FUNCTION reject_test_write();
            """);
        return new TriggerRemoval(() => ExecuteAsync($"DROP TRIGGER reject_test_write ON {table}; DROP FUNCTION reject_test_write();"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private sealed class TriggerRemoval(Func<Task> remove) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await remove();
    }
}
