using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TermSync.Grains.Ledger;
using TermSync.Silo.Ledger;
using TermSync.Tests;

namespace TermSync.Api.Tests.Ledger;

/// <summary>The group-committing PostgreSQL ledger on a database of its own.</summary>
public sealed class PostgresReceivablesLedgerTests
{
    [Fact]
    public async Task Concurrent_appends_are_stored_when_acknowledged()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await PostgresDatabase.CreateAsync(cancellation);
        await using var ledger = new PostgresReceivablesLedger(NpgsqlDataSource.Create(database.ConnectionString), NullLogger<PostgresReceivablesLedger>.Instance);
        await using var reader = NpgsqlDataSource.Create(database.ConnectionString);

        var appends = Enumerable.Range(0, 200).Select(async index =>
        {
            await ledger.AppendAsync([Payment($"INV-{index % 20}", $"payment:P-{index}", 5m)], cancellation);
            return await CountAsync(reader, $"payment:P-{index}");
        });
        var countsAtAcknowledgement = await Task.WhenAll(appends);

        Assert.All(countsAtAcknowledgement, count => Assert.Equal(1, count));
        Assert.Equal(200, await CountAsync(reader, entryKey: null));
    }

    [Fact]
    public async Task Repeated_entries_are_stored_once()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await PostgresDatabase.CreateAsync(cancellation);
        await using var ledger = new PostgresReceivablesLedger(NpgsqlDataSource.Create(database.ConnectionString), NullLogger<PostgresReceivablesLedger>.Instance);
        await using var reader = NpgsqlDataSource.Create(database.ConnectionString);
        var entry = Payment("INV-1", "payment:P-1", 5m);

        await Task.WhenAll(ledger.AppendAsync([entry, entry], cancellation), ledger.AppendAsync([entry], cancellation));
        await ledger.AppendAsync([entry], cancellation);

        Assert.Equal(1, await CountAsync(reader, entryKey: null));
    }

    [Fact]
    public async Task Rejected_entry_fails_its_caller()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await PostgresDatabase.CreateAsync(cancellation);
        await using var ledger = new PostgresReceivablesLedger(NpgsqlDataSource.Create(database.ConnectionString), NullLogger<PostgresReceivablesLedger>.Instance);
        await using var reader = NpgsqlDataSource.Create(database.ConnectionString);

        var error = await Assert.ThrowsAsync<PostgresException>(() => ledger.AppendAsync([Payment("INV-1", "payment:P-0", 0m)], cancellation));
        await ledger.AppendAsync([Payment("INV-1", "payment:P-1", 5m)], cancellation);

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        Assert.Equal(1, await CountAsync(reader, entryKey: null));
    }

    private static LedgerEntry Payment(string invoiceNumber, string entryKey, decimal amount) =>
        new("v-1", invoiceNumber, "c-1", "USD", new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 31), LedgerEntryKind.Payment, entryKey, new DateOnly(2020, 1, 10), amount);

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string? entryKey)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM receivables_ledger WHERE $1::text IS NULL OR entry_key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entryKey ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
