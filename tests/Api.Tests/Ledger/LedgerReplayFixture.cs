using TermSync.Importer.Api;
using TermSync.Importer.Ledger;
using TermSync.Importer.Replay;

namespace TermSync.Api.Tests.Ledger;

/// <summary>
/// An API of its own into which the whole IBM late-payment ledger has been replayed once, every date included, for the
/// tests that compare the API with figures computed from the CSV. No other test writes to this API, so network-wide
/// figures contain the ledger's invoices only. Customer statements show the invoices open now, whatever their asOf
/// date, so the statement test replays up to its own date on another API. The CSV is found next to the repository,
/// or through the TERMSYNC_LEDGER_CSV environment variable.
/// </summary>
public sealed class LedgerReplayFixture : IAsyncLifetime
{
    /// <summary>The API with its co-hosted silo and database.</summary>
    public ApiFixture Api { get; } = new();

    /// <summary>Every row of the ledger CSV, as replayed.</summary>
    public IReadOnlyList<LedgerRow> Rows { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        await Api.InitializeAsync();

        Rows = LedgerReader.Read(LedgerFileLocator.Locate());
        var client = new TermSyncClient(Api.Client);
        await new Replayer(client).ReplayAsync(LedgerReplayPlan.Create(Rows), until: null, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}

/// <summary>
/// Runs apart from the other collections, because each API host replaces Serilog's static logger while it starts, and a
/// host starting beside another one leaves the other's log capture empty.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LedgerReplayCollection : ICollectionFixture<LedgerReplayFixture>
{
    public const string Name = "LedgerReplay";
}
