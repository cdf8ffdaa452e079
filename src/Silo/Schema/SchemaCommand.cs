using Microsoft.Extensions.Logging;
using Npgsql;
using Serilog.Extensions.Logging;

namespace TermSync.Silo.Schema;

/// <summary>
/// The <c>TermSync.Silo migrate</c> command: creates the database when it is missing and applies the
/// pending schema migrations. Running it again on a current database changes nothing.
/// </summary>
public static partial class SchemaCommand
{
    /// <summary>
    /// Runs the command, logging through Serilog's static <c>Log.Logger</c>, which the host program
    /// configures before calling it.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string that names the target database.
    /// Its user needs the CREATEDB privilege when the database does not exist yet.</param>
    /// <param name="cancellationToken">Stops the command; a migration in progress is rolled back.</param>
    /// <returns>The process exit code: 0 when the schema is current, 1 when the command failed.</returns>
    public static async Task<int> RunAsync(string connectionString, CancellationToken cancellationToken)
    {
        using var loggerFactory = new SerilogLoggerFactory(logger: null, dispose: false);
        return await RunAsync(connectionString, loggerFactory, cancellationToken);
    }

    /// <summary>Runs the command, logging to <paramref name="loggerFactory"/>.</summary>
    /// <inheritdoc cref="RunAsync(string, CancellationToken)"/>
    public static async Task<int> RunAsync(string connectionString, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger(typeof(SchemaCommand));

        NpgsqlConnectionStringBuilder target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            LogInvalidConnectionString(logger, exception);
            return 1;
        }

        try
        {
            await EnsureDatabaseAsync(connectionString, cancellationToken);

            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var migrator = new SchemaMigrator(dataSource, loggerFactory.CreateLogger<SchemaMigrator>());
            var applied = await migrator.ApplyAsync(cancellationToken);

            LogMigrateSucceeded(logger, target.Database!, target.Host ?? "", target.Port, applied.Count);
            return 0;
        }
        catch (Exception exception) when (exception is SchemaMigrationException or NpgsqlException or ArgumentException)
        {
            LogMigrateFailed(logger, exception, target.Database ?? "", target.Host ?? "", target.Port);
            return 1;
        }
    }

    /// <summary>
    /// Creates the database that <paramref name="connectionString"/> names unless it exists. Connects to
    /// the <c>postgres</c> maintenance database of the same server with the same credentials.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string names no database.</exception>
    /// <exception cref="NpgsqlException">The server is unreachable or the user may not create databases.</exception>
    public static async Task EnsureDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var database = target.Database;
        if (string.IsNullOrWhiteSpace(database))
        {
            throw new ArgumentException("The connection string names no database; add Database=<name>.", nameof(connectionString));
        }

        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return;
            }
        }

        try
        {
            // CREATE DATABASE takes no parameters, so the name is quoted as an identifier instead.
            var quotedName = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quotedName}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another process created it between the check and the CREATE.
        }
    }

    [LoggerMessage(EventId = 1110, Level = LogLevel.Error,
        Message = "Invalid PostgreSQL connection string; pass an Npgsql connection string such as Host=127.0.0.1;Port=5432;Username=termsync;Password=...;Database=termsync")]
    private static partial void LogInvalidConnectionString(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Information,
        Message = "Schema of database {Database} on {Host}:{Port} is current; {AppliedCount} migrations applied")]
    private static partial void LogMigrateSucceeded(ILogger logger, string database, string host, int port, int appliedCount);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Error,
        Message = "Schema migration of database {Database} on {Host}:{Port} failed")]
    private static partial void LogMigrateFailed(ILogger logger, Exception exception, string database, string host, int port);
}
