using Microsoft.Extensions.Logging;
using Npgsql;

namespace TermSync.Silo.Schema;

/// <summary>
/// Brings a PostgreSQL database up to the schema in deploy/sql: the tables and OrleansQuery rows of
/// the Orleans ADO.NET providers and TermSync's own tables.
/// </summary>
/// <remarks>
/// The migrator records each applied file in <c>termsync_schema_migration</c> and applies every
/// newer file in version order, each file together with its record in one transaction, so a failed
/// file leaves nothing behind. A session-level advisory lock serializes migrators, so several
/// processes may migrate the same database at once and each file still runs once. A file that was
/// applied before and has changed since stops the run, because the database no longer matches it.
/// </remarks>
public sealed partial class SchemaMigrator
{
    /// <summary>
    /// The key of the PostgreSQL advisory lock held while migrating: the ASCII bytes of "TermSync".
    /// Advisory locks are scoped to one database, so migrations of different databases do not wait
    /// for each other.
    /// </summary>
    public const long AdvisoryLockKey = 0x5465726D53796E63;

    private const string CreateHistoryTableSql = """
        CREATE TABLE IF NOT EXISTS termsync_schema_migration (
            version    integer PRIMARY KEY,
            name       text NOT NULL,
            checksum   text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<SchemaMigrator> _logger;
    private readonly IReadOnlyList<SchemaMigration> _migrations;

    /// <summary>Creates a migrator for the database of <paramref name="dataSource"/>.</summary>
    /// <exception cref="SchemaMigrationException">The embedded migration files are invalid.</exception>
    public SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(logger);
        _dataSource = dataSource;
        _logger = logger;
        _migrations = SchemaMigration.LoadEmbedded(typeof(SchemaMigrator).Assembly);
    }

    /// <summary>
    /// Applies the migrations the database has not recorded yet, waiting first for any other
    /// migrator of the same database to finish.
    /// </summary>
    /// <returns>The file names applied by this call, in order; empty when the schema was current.</returns>
    /// <exception cref="SchemaMigrationException">An applied file has changed since it was applied,
    /// or PostgreSQL rejected a file. A rejected file is rolled back, and the files before it stay
    /// applied.</exception>
    /// <exception cref="NpgsqlException">The database is unreachable.</exception>
    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);

        LogWaitingForLock(_logger, connection.Database);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, CreateHistoryTableSql, cancellationToken);
            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var pending = SelectPending(applied);

            var appliedNames = new List<string>(pending.Count);
            foreach (var migration in pending)
            {
                await ApplyOneAsync(connection, migration, cancellationToken);
                LogMigrationApplied(_logger, migration.Name, migration.Version);
                appliedNames.Add(migration.Name);
            }

            LogSchemaCurrent(_logger, connection.Database, _migrations[^1].Version, appliedNames.Count);
            return appliedNames;
        }
        finally
        {
            await ReleaseLockAsync(connection);
        }
    }

    private List<SchemaMigration> SelectPending(Dictionary<int, AppliedMigration> applied)
    {
        var known = new HashSet<int>();
        var pending = new List<SchemaMigration>();
        foreach (var migration in _migrations)
        {
            known.Add(migration.Version);
            if (!applied.TryGetValue(migration.Version, out var record))
            {
                pending.Add(migration);
                continue;
            }

            if (record.Checksum != migration.Checksum)
            {
                throw new SchemaMigrationException(
                    $"Schema migration {migration.Name} was applied as '{record.Name}' with checksum {record.Checksum}, " +
                    $"but the file now has checksum {migration.Checksum}. Applied migrations must not change: " +
                    "restore the file and put the change into a new file with the next version number.");
            }
        }

        foreach (var record in applied.Values.Where(record => !known.Contains(record.Version)))
        {
            LogUnknownMigration(_logger, record.Name, record.Version);
        }

        return pending;
    }

    private static async Task<Dictionary<int, AppliedMigration>> ReadAppliedAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version, name, checksum FROM termsync_schema_migration", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var applied = new Dictionary<int, AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var record = new AppliedMigration(reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
            applied.Add(record.Version, record);
        }

        return applied;
    }

    private static async Task ApplyOneAsync(NpgsqlConnection connection, SchemaMigration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction))
        {
            try
            {
                await script.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException exception)
            {
                throw new SchemaMigrationException(
                    $"Schema migration {migration.Name} failed and was rolled back: {exception.SqlState} {exception.MessageText}" +
                    (exception.Position > 0 ? $" (at character {exception.Position} of the failing statement)." : "."),
                    exception);
            }
        }

        await using (var record = new NpgsqlCommand(
            "INSERT INTO termsync_schema_migration (version, name, checksum) VALUES (@version, @name, @checksum)",
            connection,
            transaction))
        {
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            record.Parameters.AddWithValue("checksum", migration.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    // Runs even after cancellation, because the lock belongs to the session and a pooled connection
    // outlives this call. A broken connection needs no release: the server drops a session's locks
    // when the session ends.
    private async Task ReleaseLockAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
        catch (NpgsqlException exception)
        {
            LogLockReleaseFailed(_logger, exception, connection.Database);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record AppliedMigration(int Version, string Name, string Checksum);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug,
        Message = "Waiting for the schema migration lock of database {Database}")]
    private static partial void LogWaitingForLock(ILogger logger, string database);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "Applied schema migration {MigrationName} (version {SchemaVersion})")]
    private static partial void LogMigrationApplied(ILogger logger, string migrationName, int schemaVersion);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information,
        Message = "Schema of database {Database} contains every migration up to version {SchemaVersion}; {AppliedCount} applied by this run")]
    private static partial void LogSchemaCurrent(ILogger logger, string database, int schemaVersion, int appliedCount);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "Database records schema migration {MigrationName} (version {SchemaVersion}), which this build does not contain; a newer build has migrated it")]
    private static partial void LogUnknownMigration(ILogger logger, string migrationName, int schemaVersion);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning,
        Message = "Failed to release the schema migration lock of database {Database}; the server releases it when the session ends")]
    private static partial void LogLockReleaseFailed(ILogger logger, Exception exception, string database);
}
