using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TermSync.Customers;
using TermSync.Digests;
using TermSync.Invoices;
using TermSync.Tests;
using TermSync.Vendors;

namespace TermSync.Silo.Tests.Persistence;

public sealed class SiloRestartTests : SiloDatabaseTest
{
    private static readonly DateOnly AsOf = new(2013, 3, 1);

    [Fact]
    public async Task Grain_state_survives_silo_restart()
    {
        await using (var first = await StartSiloAsync())
        {
            await first.Grains.GetGrain<IVendorGrain>("north").RegisterAsync(new VendorProfile("North", "ar@north.example", "UTC"));
            var invoice = first.Grains.GetGrain<IInvoiceGrain>(InvoiceKey.Format("north", "INV/1"));
            await invoice.IssueAsync(new InvoiceDraft(new CustomerReference("c1", "Customer One", null), "USD", 250.75m, new DateOnly(2013, 1, 2), new DateOnly(2013, 2, 1), "A-1"));
            await invoice.ApplyPaymentAsync("p1", 50.75m, new DateOnly(2013, 1, 20));
            await first.Grains.GetGrain<IDigestGrain>("c1").RunAsync(AsOf, DigestReason.Cycle, null);
        }

        await using var second = await StartSiloAsync();
        var restored = await second.Grains.GetGrain<IInvoiceGrain>(InvoiceKey.Format("north", "INV/1")).GetAsync();
        var statement = await second.Grains.GetGrain<ICustomerGrain>("c1").GetStatementAsync(AsOf);
        var history = await second.Grains.GetGrain<IDigestGrain>("c1").GetHistoryAsync();

        Assert.NotNull(restored);
        Assert.Equal(200.00m, restored.OpenAmount);
        Assert.Equal(2, restored.Version);
        Assert.Equal(200.00m, statement.Totals.Single().OpenAmount);
        Assert.Equal("North", statement.Vendors.Single().VendorName);
        Assert.Equal(["2013-02-25"], history.Select(record => record.Period));
        Assert.Equal(DigestRunStatus.AlreadySent, (await second.Grains.GetGrain<IDigestGrain>("c1").RunAsync(AsOf, DigestReason.Cycle, null)).Status);
    }

    [Fact]
    public async Task Digest_reminder_survives_silo_restart()
    {
        await using (var first = await StartSiloAsync())
        {
            await first.Grains.GetGrain<IVendorGrain>("north").RegisterAsync(new VendorProfile("North", "ar@north.example", "UTC"));
            await first.Grains.GetGrain<IInvoiceGrain>(InvoiceKey.Format("north", "R-1"))
                .IssueAsync(new InvoiceDraft(new CustomerReference("c2", "Customer Two", null), "USD", 10m, new DateOnly(2013, 1, 2), new DateOnly(2013, 2, 1), "A-2"));
        }

        await using var second = await StartSiloAsync();
        var digestGrainId = second.Grains.GetGrain<IDigestGrain>("c2").GetGrainId();
        var reminders = await second.Services.GetRequiredService<IReminderTable>().ReadRows(digestGrainId, TestContext.Current.CancellationToken);

        var reminder = Assert.Single(reminders.Reminders);
        Assert.Equal("digest", reminder.ReminderName);
        Assert.Equal(TimeSpan.FromHours(1), reminder.Period);
    }

    [Fact]
    public async Task Stored_state_carries_no_clr_type_names()
    {
        await using (var silo = await StartSiloAsync())
        {
            await silo.Grains.GetGrain<IVendorGrain>("aliased").RegisterAsync(new VendorProfile("Aliased", "ar@aliased.example", "UTC"));
        }

        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT payload_binary FROM orleans_grain_state WHERE grain_type_string = 'vendor'", connection);
        var payload = Encoding.UTF8.GetString((byte[])(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);

        // Renaming VendorState or its namespace must keep stored state readable, so no .NET type name may be stored.
        Assert.Contains("ar@aliased.example", payload);
        Assert.DoesNotContain("VendorState", payload);
        Assert.DoesNotContain("TermSync", payload);
    }
}
