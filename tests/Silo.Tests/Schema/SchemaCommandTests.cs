using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TermSync.Silo.Schema;
using TermSync.Tests;

namespace TermSync.Silo.Tests.Schema;

public sealed class SchemaCommandTests
{
    [Fact]
    public async Task Migrate_creates_missing_database_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresDatabase.CreateAsync(applySchema: false, cancellationToken);
        await DropDatabaseAsync(database, cancellationToken);

        var firstExitCode = await SchemaCommand.RunAsync(database.ConnectionString, NullLoggerFactory.Instance, cancellationToken);
        var secondExitCode = await SchemaCommand.RunAsync(database.ConnectionString, NullLoggerFactory.Instance, cancellationToken);

        Assert.Equal(0, firstExitCode);
        Assert.Equal(0, secondExitCode);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM termsync_schema_migration");
        var embedded = typeof(SchemaCommand).Assembly.GetManifestResourceNames()
            .Count(name => name.StartsWith("TermSync.Schema.", StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal));
        Assert.True(embedded > 0, "The silo assembly embeds no migration, so the count below would prove nothing.");
        Assert.Equal((long)embedded, await command.ExecuteScalarAsync(cancellationToken));
    }

    [Fact]
    public async Task Migrate_fails_when_server_is_unreachable()
    {
        // Nothing listens on port 1, so the connection is refused at once.
        const string unreachable = "Host=127.0.0.1;Port=1;Username=termsync;Password=termsync;Database=termsync;Timeout=5";

        var exitCode = await SchemaCommand.RunAsync(unreachable, NullLoggerFactory.Instance, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task Migrate_fails_on_invalid_connection_string()
    {
        var exitCode = await SchemaCommand.RunAsync("Host=127.0.0.1;Colour=blue", NullLoggerFactory.Instance, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
    }

    private static async Task DropDatabaseAsync(PostgresDatabase database, CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database.Name}\"", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }
}
