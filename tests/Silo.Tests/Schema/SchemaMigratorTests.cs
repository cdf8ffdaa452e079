using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TermSync.Silo.Schema;
using TermSync.Tests;

namespace TermSync.Silo.Tests.Schema;

public sealed class SchemaMigratorTests
{
    private static readonly string[] MigrationNames =
    [
        "0001_orleans_clustering.sql",
        "0002_orleans_persistence.sql",
        "0003_orleans_reminders.sql",
        "0004_idempotency.sql",
        "0005_receivables_ledger.sql",
        "0006_grain_state_storage.sql",
        "0007_grain_journal.sql",
    ];

    // The query keys the Orleans 10.4.2 ADO.NET providers read from OrleansQuery.
    private static readonly string[] OrleansQueryKeys =
    [
        "CleanupDefunctSiloEntriesKey",
        "CleanupDefunctSiloEntryKey",
        "ClearStorageKey",
        "DeleteMembershipTableEntriesKey",
        "DeleteReminderRowKey",
        "DeleteReminderRowsKey",
        "DeleteStorageKey",
        "GatewaysQueryKey",
        "InsertMembershipKey",
        "InsertMembershipVersionKey",
        "MembershipReadAllKey",
        "MembershipReadRowKey",
        "ReadFromStorageKey",
        "ReadRangeRows1Key",
        "ReadRangeRows2Key",
        "ReadReminderRowKey",
        "ReadReminderRowsKey",
        "UpdateIAmAlivetimeKey",
        "UpdateMembershipKey",
        "UpsertReminderRowKey",
        "WriteToStorageKey",
    ];

    [Fact]
    public async Task Second_run_applies_nothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresDatabase.CreateAsync(applySchema: false, cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var migrator = CreateMigrator(dataSource);

        var firstRun = await migrator.ApplyAsync(cancellationToken);
        var secondRun = await migrator.ApplyAsync(cancellationToken);

        Assert.Equal(MigrationNames, firstRun);
        Assert.Empty(secondRun);
        Assert.Equal(Enumerable.Range(1, MigrationNames.Length), await ReadRecordedVersionsAsync(dataSource, cancellationToken));
    }

    [Fact]
    public async Task Concurrent_migrators_apply_each_file_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresDatabase.CreateAsync(applySchema: false, cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        // Hold the migration lock until both migrators wait for it, so they really run at once.
        await using var holder = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(holder, $"SELECT pg_advisory_lock({SchemaMigrator.AdvisoryLockKey})", cancellationToken);
        var first = CreateMigrator(dataSource).ApplyAsync(cancellationToken);
        var second = CreateMigrator(dataSource).ApplyAsync(cancellationToken);
        await WaitUntilAsync(async () => await CountLockWaitersAsync(holder, cancellationToken) == 2, cancellationToken);
        await ExecuteAsync(holder, $"SELECT pg_advisory_unlock({SchemaMigrator.AdvisoryLockKey})", cancellationToken);
        var runs = await Task.WhenAll(first, second);

        Assert.Equal(MigrationNames, runs.SelectMany(names => names).Order(StringComparer.Ordinal));
        Assert.Contains(runs, names => names.Count == 0);
        Assert.Equal(Enumerable.Range(1, MigrationNames.Length), await ReadRecordedVersionsAsync(dataSource, cancellationToken));
    }

    [Fact]
    public async Task Changed_applied_file_stops_migration()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresDatabase.CreateAsync(cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await ExecuteAsync(connection, "UPDATE termsync_schema_migration SET checksum = 'edited' WHERE version = 2", cancellationToken);
        }

        var exception = await Assert.ThrowsAsync<SchemaMigrationException>(
            () => CreateMigrator(dataSource).ApplyAsync(cancellationToken));

        Assert.Contains("0002_orleans_persistence.sql", exception.Message, StringComparison.Ordinal);
        Assert.Contains("new file", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orleans_query_table_holds_every_provider_key()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresDatabase.CreateAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\"", connection);

        var keys = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(reader.GetString(0));
            }
        }

        Assert.Equal(OrleansQueryKeys, keys);
    }

    private static SchemaMigrator CreateMigrator(NpgsqlDataSource dataSource) =>
        new(dataSource, NullLogger<SchemaMigrator>.Instance);

    private static async Task<List<int>> ReadRecordedVersionsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT version FROM termsync_schema_migration ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task<long> CountLockWaitersAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database " +
            "WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()",
            connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }
}
