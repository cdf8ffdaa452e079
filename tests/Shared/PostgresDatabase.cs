using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TermSync.Silo.Schema;

namespace TermSync.Tests;

/// <summary>
/// A PostgreSQL database of its own for a test or fixture: created with a unique name on the test
/// server, migrated to the TermSync schema, and dropped on dispose.
/// </summary>
/// <remarks>
/// The server comes from the environment variable <see cref="ServerVariable"/>, or
/// <see cref="DefaultServerConnectionString"/>, which matches
/// <c>bash deploy/postgres.sh start var/postgres-test 55433</c>. Its user needs CREATEDB.
/// </remarks>
public sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>The environment variable holding the test server's connection string.</summary>
    public const string ServerVariable = "TERMSYNC_TEST_POSTGRES";

    /// <summary>The test server used when <see cref="ServerVariable"/> is not set.</summary>
    public const string DefaultServerConnectionString =
        "Host=127.0.0.1;Port=55433;Username=termsync;Password=termsync;Database=postgres";

    private const string StartCommand = "bash deploy/postgres.sh start var/postgres-test 55433";

    private readonly string _serverConnectionString;

    private PostgresDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>The database name, unique per instance.</summary>
    public string Name { get; }

    /// <summary>The connection string of this database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a database and applies the TermSync schema to it.</summary>
    public static Task<PostgresDatabase> CreateAsync(CancellationToken cancellationToken) =>
        CreateAsync(applySchema: true, cancellationToken);

    /// <summary>Creates a database, migrated unless <paramref name="applySchema"/> is false.</summary>
    /// <exception cref="InvalidOperationException">The test server is unreachable or rejected the login.
    /// The message names the command that starts it.</exception>
    public static async Task<PostgresDatabase> CreateAsync(bool applySchema, CancellationToken cancellationToken)
    {
        var serverConnectionString = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } configured
            ? configured
            : DefaultServerConnectionString;
        var name = "termsync_test_" + Guid.NewGuid().ToString("N");

        await ExecuteOnServerAsync(serverConnectionString, $"CREATE DATABASE \"{name}\"", cancellationToken);
        var database = new PostgresDatabase(serverConnectionString, name);
        if (!applySchema)
        {
            return database;
        }

        try
        {
            await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
            await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).ApplyAsync(cancellationToken);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Drops the database. FORCE ends the sessions still open on it, such as pooled connections of a
    /// silo under test.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteOnServerAsync(_serverConnectionString, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteOnServerAsync(string serverConnectionString, string sql, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            builder.Password = null;
            throw new InvalidOperationException(
                $"The PostgreSQL test server is not reachable at '{builder.ConnectionString}': {exception.Message.TrimEnd('.')}. " +
                $"Start it from the repository root with `{StartCommand}`, or set {ServerVariable} " +
                "to the connection string of a server whose user may create databases.",
                exception);
        }

        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
