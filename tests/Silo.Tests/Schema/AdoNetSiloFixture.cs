using TermSync.Silo.Tests.Schema.Probes;
using TermSync.Tests;

namespace TermSync.Silo.Tests.Schema;

/// <summary>One migrated database and one silo on it, shared by the tests of a class.</summary>
public sealed class AdoNetSiloFixture : IAsyncLifetime
{
    private PostgresDatabase? _database;
    private ProbeSilo? _silo;

    public PostgresDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialized.");

    public ProbeSilo Silo => _silo ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _database = await PostgresDatabase.CreateAsync(cancellationToken);
        _silo = await ProbeSilo.StartAsync(_database.ConnectionString, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
