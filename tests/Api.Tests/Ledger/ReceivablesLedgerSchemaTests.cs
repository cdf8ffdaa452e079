using Npgsql;
using TermSync.Tests;

namespace TermSync.Api.Tests.Ledger;

/// <summary>The receivables_ledger table, its natural key and its indexes as the schema migration creates them.</summary>
public sealed class ReceivablesLedgerSchemaTests
{
    [Fact]
    public async Task Migration_creates_table_and_indexes()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await PostgresDatabase.CreateAsync(cancellation);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        var indexes = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'receivables_ledger'"))
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                indexes[reader.GetString(0)] = reader.GetString(1);
            }
        }

        Assert.Contains("(vendor_id, business_date)", indexes["receivables_ledger_vendor_business_date"], StringComparison.Ordinal);
        Assert.Contains("(vendor_id, invoice_number)", indexes["receivables_ledger_vendor_invoice"], StringComparison.Ordinal);
        Assert.Contains("UNIQUE INDEX", indexes["receivables_ledger_entry_unique"], StringComparison.Ordinal);
        Assert.Contains("(vendor_id, invoice_number, entry_key)", indexes["receivables_ledger_entry_unique"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_entry_key_inserts_nothing()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await PostgresDatabase.CreateAsync(cancellation);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        const string Insert = """
            INSERT INTO receivables_ledger
                (vendor_id, invoice_number, customer_id, currency, issue_date, due_date, entry_kind, entry_key, business_date, amount)
            VALUES ('v-1', 'INV-1', 'c-1', 'USD', DATE '2020-01-01', DATE '2020-01-31', 'payment', 'payment:P-1', DATE '2020-01-10', 5)
            ON CONFLICT (vendor_id, invoice_number, entry_key) DO NOTHING
            """;

        await using var first = dataSource.CreateCommand(Insert);
        var firstCount = await first.ExecuteNonQueryAsync(cancellation);
        await using var second = dataSource.CreateCommand(Insert);
        var secondCount = await second.ExecuteNonQueryAsync(cancellation);

        Assert.Equal(1, firstCount);
        Assert.Equal(0, secondCount);
    }

    [Fact]
    public async Task Unknown_entry_kind_is_rejected()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await PostgresDatabase.CreateAsync(cancellation);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO receivables_ledger
                (vendor_id, invoice_number, customer_id, currency, issue_date, due_date, entry_kind, entry_key, business_date, amount)
            VALUES ('v-1', 'INV-1', 'c-1', 'USD', DATE '2020-01-01', DATE '2020-01-31', 'refund', 'refund:R-1', DATE '2020-01-10', 5)
            """);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(cancellation));

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
    }
}
