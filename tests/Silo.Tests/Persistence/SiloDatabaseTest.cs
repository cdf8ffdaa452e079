using Npgsql;
using TermSync.Tests;

namespace TermSync.Silo.Tests.Persistence;

/// <summary>A test class whose tests start silos on a PostgreSQL database of their own, created per test.</summary>
public abstract class SiloDatabaseTest : IAsyncLifetime
{
    private readonly string outboxPath = Path.Combine(Path.GetTempPath(), $"termsync-silo-test-{Guid.NewGuid():N}");

    private PostgresDatabase? database;

    /// <summary>The test's database, migrated.</summary>
    private protected PostgresDatabase Database => database ?? throw new InvalidOperationException("The database is created when the test starts.");

    public async ValueTask InitializeAsync() =>
        database = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        if (Directory.Exists(outboxPath))
        {
            Directory.Delete(outboxPath, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Starts a silo on the test's database, in the cluster named after the database and <paramref name="clusterSuffix"/>.</summary>
    private protected Task<SiloHost> StartSiloAsync(string? clusterSuffix = null) =>
        SiloHost.StartAsync(Database.ConnectionString, clusterSuffix is null ? Database.Name : $"{Database.Name}-{clusterSuffix}", outboxPath);

    /// <summary>Returns the numbers of the journal entries that the test's database keeps for <paramref name="grainId"/>, in order.</summary>
    private protected async Task<List<long>> JournalAsync(string grainId)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT sequence FROM grain_journal WHERE grain_id = $1 ORDER BY sequence", connection);
        command.Parameters.AddWithValue(grainId);
        var sequences = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            sequences.Add(reader.GetInt64(0));
        }

        return sequences;
    }
}
