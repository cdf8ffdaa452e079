using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;
using TermSync.Silo.Tests.Schema.Probes;

namespace TermSync.Silo.Tests.Schema;

/// <summary>
/// Runs the Orleans 10.4.2 ADO.NET providers for clustering, grain storage and reminders in a real
/// silo against a database migrated by the schema migrator.
/// </summary>
public sealed class AdoNetProviderTests(AdoNetSiloFixture fixture) : IClassFixture<AdoNetSiloFixture>
{
    private const int ActiveStatus = 3;
    private const int DeadStatus = 6;

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Started_silo_is_active_member()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT status, proxy_port FROM orleans_membership WHERE deployment_id = @cluster", connection);
        command.Parameters.AddWithValue("cluster", fixture.Silo.ClusterId);
        await using var reader = await command.ExecuteReaderAsync(CancellationToken);

        Assert.True(await reader.ReadAsync(CancellationToken));
        Assert.Equal(ActiveStatus, reader.GetInt32(0));
        Assert.True(reader.GetInt32(1) > 0);
        Assert.False(await reader.ReadAsync(CancellationToken));
    }

    [Fact]
    public async Task Grain_state_survives_deactivation()
    {
        var key = NewKey("survives");
        var grain = fixture.Silo.Client.GetGrain<ICounterGrain>(key);

        var first = await grain.IncrementAsync();
        var second = await grain.IncrementAsync();
        await grain.DeactivateAsync();
        var reread = await grain.GetAsync();

        Assert.Equal("1", first.ETag);
        Assert.Equal("2", second.ETag);
        Assert.NotEqual(second.ActivationId, reread.ActivationId);
        Assert.Equal(2, reread.Value);
        Assert.Equal("2", reread.ETag);
        var row = await ReadGrainRowAsync(key);
        Assert.Equal((2, CounterGrain.StateName, true), row);
    }

    [Fact]
    public async Task Stale_etag_write_from_grain_fails()
    {
        var key = NewKey("stale");
        var grain = fixture.Silo.Client.GetGrain<ICounterGrain>(key);
        await grain.IncrementAsync();

        // Another writer moves the stored version past the ETag the activation holds.
        await using (var connection = await OpenAsync())
        {
            await using var bump = new NpgsqlCommand(
                "UPDATE orleans_grain_state SET version = version + 1 WHERE grain_id_extension_string = @key", connection);
            bump.Parameters.AddWithValue("key", key);
            Assert.Equal(1, await bump.ExecuteNonQueryAsync(CancellationToken));
        }

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.IncrementAsync());
        var row = await ReadGrainRowAsync(key);
        Assert.Equal(2, row?.Version);
    }

    [Fact]
    public async Task Storage_rejects_writes_and_clears_with_stale_etags()
    {
        var storage = fixture.Silo.Host.Services.GetRequiredKeyedService<IGrainStorage>(ProbeSilo.StorageName);
        var grainId = GrainId.Create("storage-probe", NewKey("etag"));
        var writtenState = new CounterState { Value = 1 };
        var writer = new GrainState<CounterState>(writtenState);

        await storage.WriteStateAsync("probe", grainId, writer, CancellationToken);
        Assert.Equal("1", writer.ETag);

        var secondInserter = new GrainState<CounterState>(new CounterState { Value = 99 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("probe", grainId, secondInserter, CancellationToken));

        writtenState.Value = 2;
        await storage.WriteStateAsync("probe", grainId, writer, CancellationToken);
        Assert.Equal("2", writer.ETag);

        var staleWriter = new GrainState<CounterState>(new CounterState { Value = 3 }, "1");
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("probe", grainId, staleWriter, CancellationToken));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("probe", grainId, staleWriter, CancellationToken));

        await storage.ClearStateAsync("probe", grainId, writer, CancellationToken);
        Assert.Equal("3", writer.ETag);
        Assert.False(writer.RecordExists);

        var reader = new GrainState<CounterState>(new CounterState { Value = -1 });
        await storage.ReadStateAsync("probe", grainId, reader, CancellationToken);
        Assert.False(reader.RecordExists);
        Assert.Equal("3", reader.ETag);
        Assert.NotNull(reader.State);
        Assert.Equal(0, reader.State.Value);

        reader.State.Value = 5;
        await storage.WriteStateAsync("probe", grainId, reader, CancellationToken);
        Assert.Equal("4", reader.ETag);
    }

    [Fact]
    public async Task Delete_on_clear_storage_removes_row()
    {
        var storage = fixture.Silo.Host.Services.GetRequiredKeyedService<IGrainStorage>(ProbeSilo.DeletingStorageName);
        var key = NewKey("delete");
        var grainId = GrainId.Create("storage-probe", key);
        var state = new GrainState<CounterState>(new CounterState { Value = 1 });
        await storage.WriteStateAsync("probe", grainId, state, CancellationToken);

        var staleState = new GrainState<CounterState>(new CounterState(), "7");
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("probe", grainId, staleState, CancellationToken));
        await storage.ClearStateAsync("probe", grainId, state, CancellationToken);

        Assert.Null(state.ETag);
        Assert.Null(await ReadGrainRowAsync(key));
        await storage.WriteStateAsync("probe", grainId, state, CancellationToken);
        Assert.Equal("1", state.ETag);
    }

    [Fact]
    public async Task Reminder_is_listed_fires_and_unregisters()
    {
        var key = NewKey("reminder");
        var grain = fixture.Silo.Client.GetGrain<IReminderGrain>(key);

        await grain.RegisterAsync("tick", dueTime: TimeSpan.FromMilliseconds(200), period: TimeSpan.FromMinutes(1));
        Assert.Equal(["tick"], await grain.ListAsync());
        Assert.Equal(1, await CountReminderRowsAsync(key));
        await ReminderTicks.WaitForFirstTickAsync(key, "tick").WaitAsync(TimeSpan.FromSeconds(30), CancellationToken);

        await grain.UnregisterAsync("tick");
        Assert.Empty(await grain.ListAsync());
        Assert.Equal(0, await CountReminderRowsAsync(key));
    }

    [Fact]
    public async Task Reminder_table_reads_ring_ranges_and_checks_etags()
    {
        var table = fixture.Silo.Host.Services.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("reminder-probe", NewKey("range"));
        var hash = grainId.GetUniformHashCode();
        var entry = new ReminderEntry
        {
            GrainId = grainId,
            ReminderName = "range",
            StartAt = DateTime.UtcNow,
            Period = TimeSpan.FromMinutes(5),
        };

        var firstETag = await table.UpsertRow(entry, CancellationToken);
        var secondETag = await table.UpsertRow(entry, CancellationToken);

        Assert.Equal("0", firstETag);
        Assert.Equal("1", secondETag);
        Assert.Contains((await table.ReadRows(hash - 1, hash, CancellationToken)).Reminders, IsEntry);
        Assert.DoesNotContain((await table.ReadRows(hash, hash - 1, CancellationToken)).Reminders, IsEntry);
        Assert.Contains((await table.ReadRows(0, 0, CancellationToken)).Reminders, IsEntry);
        var stored = await table.ReadRow(grainId, "range", CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal(TimeSpan.FromMinutes(5), stored.Period);
        Assert.Equal(secondETag, stored.ETag);
        Assert.False(await table.RemoveRow(grainId, "range", firstETag!, CancellationToken));
        Assert.True(await table.RemoveRow(grainId, "range", secondETag!, CancellationToken));
        Assert.Empty((await table.ReadRows(grainId, CancellationToken)).Reminders);

        bool IsEntry(ReminderEntry candidate) => candidate.GrainId == grainId && candidate.ReminderName == "range";
    }

    [Fact]
    public async Task External_client_finds_gateway_in_table()
    {
        using var clientHost = await fixture.Silo.StartClientAsync(fixture.Database.ConnectionString, CancellationToken);
        var client = clientHost.Services.GetRequiredService<IClusterClient>();

        var snapshot = await client.GetGrain<ICounterGrain>(NewKey("client")).IncrementAsync();

        Assert.Equal(1, snapshot.Value);
        await clientHost.StopAsync(CancellationToken);
    }

    [Fact]
    public async Task Stopped_silo_is_dead_then_cleaned_up()
    {
        await using var silo = await ProbeSilo.StartAsync(fixture.Database.ConnectionString, CancellationToken);
        var table = silo.Host.Services.GetRequiredService<IMembershipTable>();
        var siloAddress = silo.Host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        await silo.Host.StopAsync(CancellationToken);

        var row = await table.ReadRowAsync(siloAddress, CancellationToken);
        var (entry, _) = Assert.Single(row.Members);
        Assert.Equal(SiloStatus.Dead, entry.Status);

        var heartbeat = DateTime.UtcNow;
        entry.IAmAliveTime = heartbeat;
        await table.UpdateIAmAliveAsync(entry, CancellationToken);
        var (refreshed, _) = Assert.Single((await table.ReadRowAsync(siloAddress, CancellationToken)).Members);
        Assert.Equal(heartbeat, refreshed.IAmAliveTime, TimeSpan.FromMilliseconds(1));

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken);
        Assert.Empty((await table.ReadAllAsync(CancellationToken)).Members);

        await table.DeleteMembershipTableEntriesAsync(silo.ClusterId, CancellationToken);
        Assert.Equal(0, await CountVersionRowsAsync(silo.ClusterId));
    }

    [Fact]
    public async Task Second_silo_joins_and_leaves_cluster()
    {
        await using var first = await ProbeSilo.StartAsync(fixture.Database.ConnectionString, CancellationToken);
        await using var second = await ProbeSilo.StartJoiningAsync(fixture.Database.ConnectionString, first, CancellationToken);

        Assert.Equal([ActiveStatus, ActiveStatus], await ReadStatusesAsync(first.ClusterId));
        await second.Host.StopAsync(CancellationToken);
        Assert.Equal([ActiveStatus, DeadStatus], await ReadStatusesAsync(first.ClusterId));
    }

    private static string NewKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync(CancellationToken);
        return connection;
    }

    private async Task<(int Version, string GrainType, bool HasPayload)?> ReadGrainRowAsync(string key)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT version, grain_type_string, payload_binary IS NOT NULL FROM orleans_grain_state WHERE grain_id_extension_string = @key",
            connection);
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync(CancellationToken);
        if (!await reader.ReadAsync(CancellationToken))
        {
            return null;
        }

        return (reader.GetInt32(0), reader.GetString(1), reader.GetBoolean(2));
    }

    private async Task<long> CountReminderRowsAsync(string key)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM orleans_reminder WHERE service_id = @service AND grain_id LIKE '%' || @key", connection);
        command.Parameters.AddWithValue("service", fixture.Silo.ServiceId);
        command.Parameters.AddWithValue("key", key);
        return (long)(await command.ExecuteScalarAsync(CancellationToken))!;
    }

    private async Task<List<int>> ReadStatusesAsync(string clusterId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT status FROM orleans_membership WHERE deployment_id = @cluster ORDER BY status", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        await using var reader = await command.ExecuteReaderAsync(CancellationToken);
        var statuses = new List<int>();
        while (await reader.ReadAsync(CancellationToken))
        {
            statuses.Add(reader.GetInt32(0));
        }

        return statuses;
    }

    private async Task<long> CountVersionRowsAsync(string clusterId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM orleans_membership_version WHERE deployment_id = @cluster", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        return (long)(await command.ExecuteScalarAsync(CancellationToken))!;
    }
}
