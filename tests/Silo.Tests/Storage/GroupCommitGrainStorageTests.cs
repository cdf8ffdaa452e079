using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;
using TermSync.Silo.Hosting;
using TermSync.Silo.Tests.Schema;
using TermSync.Silo.Tests.Schema.Probes;

namespace TermSync.Silo.Tests.Storage;

/// <summary>
/// Runs the group-commit grain storage against PostgreSQL, and reads its rows back through the Orleans ADO.NET grain
/// storage it wraps, so a difference in key hashes or version rules fails here.
/// </summary>
public sealed class GroupCommitGrainStorageTests(AdoNetSiloFixture fixture) : IClassFixture<AdoNetSiloFixture>
{
    private const string StateName = "probe";

    private static readonly GrainType ProbeType = GrainType.Create("storage-probe");

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    private IGrainStorage GroupCommit => fixture.Silo.Host.Services.GetRequiredKeyedService<IGrainStorage>(ProbeSilo.GroupCommitStorageName);

    private IGrainStorage Rows => fixture.Silo.Host.Services.GetRequiredKeyedService<IGrainStorage>(
        GroupCommitStorageHosting.RowsStorageName(ProbeSilo.GroupCommitStorageName));

    [Fact]
    public async Task Concurrent_writes_read_back_through_provider()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var grainIds = Enumerable.Range(0, 300)
            .Select(index => (index % 3) switch
            {
                0 => GrainId.Create("storage-probe", $"string-{run}-{index}"),
                1 => GrainId.Create(ProbeType, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), index % 2 == 0 ? null : $"extension-{index}")),
                _ => GrainId.Create(ProbeType, GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64(), $"extension-{run}-{index}")),
            })
            .ToList();
        var states = grainIds.Select((_, index) => new GrainState<CounterState>(new CounterState { Value = index })).ToList();

        await Task.WhenAll(grainIds.Select((grainId, index) => GroupCommit.WriteStateAsync(StateName, grainId, states[index], CancellationToken)));

        Assert.All(states, state => Assert.Equal("1", state.ETag));
        Assert.All(states, state => Assert.True(state.RecordExists));
        for (var index = 0; index < grainIds.Count; index++)
        {
            var reader = new GrainState<CounterState>(new CounterState { Value = -1 });
            await Rows.ReadStateAsync(StateName, grainIds[index], reader, CancellationToken);
            Assert.True(reader.RecordExists, $"The provider found no row for {grainIds[index]}.");
            Assert.Equal(index, reader.State!.Value);
            Assert.Equal("1", reader.ETag);
        }
    }

    [Fact]
    public async Task Concurrent_reads_match_provider_reads()
    {
        var grainIds = Enumerable.Range(0, 200).Select(index => GrainId.Create("storage-probe", NewKey($"read-{index}"))).ToList();
        var written = grainIds.Select((_, index) => new GrainState<CounterState>(new CounterState { Value = index })).ToList();
        await Task.WhenAll(grainIds.Where((_, index) => index % 2 == 0).Select(grainId => Rows.WriteStateAsync(StateName, grainId, written[grainIds.IndexOf(grainId)], CancellationToken)));

        var read = grainIds.Select(_ => new GrainState<CounterState>(new CounterState { Value = -1 }, "stale")).ToList();
        await Task.WhenAll(grainIds.Select((grainId, index) => GroupCommit.ReadStateAsync(StateName, grainId, read[index], CancellationToken)));

        for (var index = 0; index < grainIds.Count; index++)
        {
            var stored = index % 2 == 0;
            Assert.Equal(stored, read[index].RecordExists);
            Assert.Equal(stored ? "1" : null, read[index].ETag);
            Assert.Equal(stored ? index : 0, read[index].State!.Value);
        }
    }

    [Fact]
    public async Task Read_after_clear_keeps_version()
    {
        var grainId = GrainId.Create("storage-probe", NewKey("cleared"));
        var state = new GrainState<CounterState>(new CounterState { Value = 1 });
        await GroupCommit.WriteStateAsync(StateName, grainId, state, CancellationToken);
        await GroupCommit.ClearStateAsync(StateName, grainId, state, CancellationToken);

        var reader = new GrainState<CounterState>(new CounterState { Value = -1 });
        await GroupCommit.ReadStateAsync(StateName, grainId, reader, CancellationToken);

        Assert.False(reader.RecordExists);
        Assert.Equal("2", reader.ETag);
        Assert.Equal(0, reader.State!.Value);
    }

    [Fact]
    public async Task Stale_versions_fail_and_others_in_flush_succeed()
    {
        var grainId = GrainId.Create("storage-probe", NewKey("etag"));
        var writer = new GrainState<CounterState>(new CounterState { Value = 1 });
        await GroupCommit.WriteStateAsync(StateName, grainId, writer, CancellationToken);

        var secondInserter = new GrainState<CounterState>(new CounterState { Value = 99 });
        var staleWriter = new GrainState<CounterState>(new CounterState { Value = 98 }, "7");
        var others = Enumerable.Range(0, 20).Select(_ => (Id: GrainId.Create("storage-probe", NewKey("other")), State: new GrainState<CounterState>(new CounterState { Value = 5 }))).ToList();
        var otherWrites = others.Select(other => GroupCommit.WriteStateAsync(StateName, other.Id, other.State, CancellationToken)).ToList();

        await Assert.ThrowsAsync<InconsistentStateException>(() => GroupCommit.WriteStateAsync(StateName, grainId, secondInserter, CancellationToken));
        await Assert.ThrowsAsync<InconsistentStateException>(() => GroupCommit.WriteStateAsync(StateName, grainId, staleWriter, CancellationToken));
        await Task.WhenAll(otherWrites);
        Assert.All(others, other => Assert.Equal("1", other.State.ETag));

        writer.State!.Value = 2;
        await GroupCommit.WriteStateAsync(StateName, grainId, writer, CancellationToken);
        Assert.Equal("2", writer.ETag);
        Assert.Equal((2, 2), await ReadRowAsync(grainId));
    }

    [Fact]
    public async Task Write_after_provider_clear_continues_version()
    {
        var grainId = GrainId.Create("storage-probe", NewKey("clear"));
        var state = new GrainState<CounterState>(new CounterState { Value = 1 });
        await GroupCommit.WriteStateAsync(StateName, grainId, state, CancellationToken);

        await GroupCommit.ClearStateAsync(StateName, grainId, state, CancellationToken);
        state.State!.Value = 4;
        await GroupCommit.WriteStateAsync(StateName, grainId, state, CancellationToken);

        Assert.Equal("3", state.ETag);
        Assert.Equal((4, 3), await ReadRowAsync(grainId));
    }

    [Fact]
    public async Task Two_writers_of_one_version_one_wins()
    {
        var grainId = GrainId.Create("storage-probe", NewKey("race"));
        var first = new GrainState<CounterState>(new CounterState { Value = 1 });
        await GroupCommit.WriteStateAsync(StateName, grainId, first, CancellationToken);
        var second = new GrainState<CounterState>(new CounterState { Value = 1 }, first.ETag);
        first.State!.Value = 10;
        second.State!.Value = 20;

        var outcomes = await Task.WhenAll(
            Outcome(GroupCommit.WriteStateAsync(StateName, grainId, first, CancellationToken)),
            Outcome(GroupCommit.WriteStateAsync(StateName, grainId, second, CancellationToken)));

        Assert.Single(outcomes, succeeded => succeeded);
        var winner = outcomes[0] ? 10 : 20;
        Assert.Equal((winner, 2), await ReadRowAsync(grainId));

        static async Task<bool> Outcome(Task write)
        {
            try
            {
                await write;
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }
    }

    private static string NewKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Reads the counter through the wrapped provider and the version from the row.</summary>
    private async Task<(int Value, int Version)> ReadRowAsync(GrainId grainId)
    {
        var reader = new GrainState<CounterState>(new CounterState { Value = -1 });
        await Rows.ReadStateAsync(StateName, grainId, reader, CancellationToken);
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync(CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT version FROM orleans_grain_state WHERE grain_type_string = @state AND grain_id_extension_string = @key", connection);
        command.Parameters.AddWithValue("state", StateName);
        command.Parameters.AddWithValue("key", grainId.Key.ToString()!);
        var version = (int)(await command.ExecuteScalarAsync(CancellationToken))!;
        Assert.Equal(reader.ETag, version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return (reader.State!.Value, version);
    }
}
