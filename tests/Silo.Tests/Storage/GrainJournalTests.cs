using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;
using TermSync.Grains.Storage;
using TermSync.Silo.Storage.Journal;
using TermSync.Silo.Tests.Schema;
using TermSync.Silo.Tests.Schema.Probes;

namespace TermSync.Silo.Tests.Storage;

/// <summary>Runs the PostgreSQL grain journal that the group-commit grain storage registers beside itself.</summary>
public sealed class GrainJournalTests(AdoNetSiloFixture fixture) : IClassFixture<AdoNetSiloFixture>
{
    private IGrainJournal Journal => fixture.Silo.Host.Services.GetRequiredKeyedService<IGrainJournal>(ProbeSilo.GroupCommitStorageName);

    [Fact]
    public async Task Entries_read_back_in_order_after_a_number()
    {
        var grainId = NewGrainId("ordered");
        await Journal.AppendAsync(grainId, 1, [Counter(10), Counter(20), Counter(30)]);
        await Journal.AppendAsync(grainId, 4, [Counter(40), Counter(50)]);

        var entries = await Journal.ReadAsync<CounterState>(grainId, after: 2);

        Assert.Equal([3L, 4L, 5L], entries.Select(entry => entry.Sequence));
        Assert.Equal([30, 40, 50], entries.Select(entry => entry.Value.Value));
        Assert.Empty(await Journal.ReadAsync<CounterState>(NewGrainId("never-written"), after: 0));
    }

    [Fact]
    public async Task Concurrent_appends_of_many_grains_read_back()
    {
        var grainIds = Enumerable.Range(0, 300).Select(index => NewGrainId($"many-{index}")).ToList();

        await Task.WhenAll(grainIds.Select((grainId, index) => Journal.AppendAsync(grainId, 1, [Counter(index), Counter(index + 1000)])));
        var read = await Task.WhenAll(grainIds.Select(grainId => Journal.ReadAsync<CounterState>(grainId, after: 0)));

        for (var index = 0; index < grainIds.Count; index++)
        {
            Assert.Equal([index, index + 1000], read[index].Select(entry => entry.Value.Value));
        }
    }

    [Fact]
    public async Task Append_of_stored_number_fails_alone()
    {
        var stored = NewGrainId("stored");
        await Journal.AppendAsync(stored, 1, [Counter(1), Counter(2)]);
        var others = Enumerable.Range(0, 50).Select(index => NewGrainId($"beside-stored-{index}")).ToList();

        var conflicting = Journal.AppendAsync(stored, 2, [Counter(-2), Counter(-3)]);
        var rest = others.Select(grainId => Journal.AppendAsync(grainId, 1, [Counter(7)])).ToList();

        await Assert.ThrowsAsync<InconsistentStateException>(() => conflicting);
        await Task.WhenAll(rest);
        Assert.Equal([1, 2], (await Journal.ReadAsync<CounterState>(stored, after: 0)).Select(entry => entry.Value.Value));
        foreach (var grainId in others)
        {
            Assert.Equal([7], (await Journal.ReadAsync<CounterState>(grainId, after: 0)).Select(entry => entry.Value.Value));
        }
    }

    [Fact]
    public async Task Truncate_keeps_the_entry_at_the_number()
    {
        var grainId = NewGrainId("truncated");
        await Journal.AppendAsync(grainId, 1, [Counter(1), Counter(2), Counter(3), Counter(4), Counter(5)]);

        await Journal.TruncateAsync(grainId, through: 3);

        Assert.Equal([3L, 4L, 5L], (await Journal.ReadAsync<CounterState>(grainId, after: 0)).Select(entry => entry.Sequence));
        await Journal.AppendAsync(grainId, 6, [Counter(6)]);
        Assert.Equal([6], (await Journal.ReadAsync<CounterState>(grainId, after: 5)).Select(entry => entry.Value.Value));
    }

    [Fact]
    public async Task Concurrent_truncations_keep_their_own_numbers()
    {
        var grainIds = Enumerable.Range(0, 300).Select(index => NewGrainId($"truncated-many-{index}")).ToList();
        await Task.WhenAll(grainIds.Select(grainId => Journal.AppendAsync(grainId, 1, [Counter(1), Counter(2), Counter(3), Counter(4), Counter(5)])));

        // Each grain keeps its entries from 1 to 5 on, so one statement for all of them must apply each grain's own number.
        await Task.WhenAll(grainIds.Select((grainId, index) => Journal.TruncateAsync(grainId, through: 1 + index % 5)));
        var read = await Task.WhenAll(grainIds.Select(grainId => Journal.ReadAsync<CounterState>(grainId, after: 0)));

        for (var index = 0; index < grainIds.Count; index++)
        {
            Assert.Equal(Enumerable.Range(1 + index % 5, 5 - index % 5).Select(number => (long)number), read[index].Select(entry => entry.Sequence));
        }
    }

    [Fact]
    public async Task Batch_truncation_of_one_grain_keeps_highest()
    {
        var grainId = NewGrainId("truncated-in-one-statement");
        await Journal.AppendAsync(grainId, 1, [Counter(1), Counter(2), Counter(3), Counter(4), Counter(5), Counter(6), Counter(7), Counter(8)]);
        await using var dataSource = NpgsqlDataSource.Create(fixture.Database.ConnectionString);
        var truncator = new GrainJournalBatchTruncator(dataSource, fixture.Silo.ServiceId);

        // Two snapshots of one grain may queue their truncations into the same statement, in any order.
        await truncator.TruncateAsync([new(grainId.ToString(), 3), new(grainId.ToString(), 6), new(grainId.ToString(), 5)]);

        Assert.Equal([6L, 7L, 8L], (await Journal.ReadAsync<CounterState>(grainId, after: 0)).Select(entry => entry.Sequence));
    }

    [Fact]
    public async Task Append_behind_a_truncation_fails()
    {
        var grainId = NewGrainId("behind-truncation");
        await Journal.AppendAsync(grainId, 1, [Counter(1), Counter(2), Counter(3), Counter(4)]);
        await Journal.TruncateAsync(grainId, through: 4);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Journal.AppendAsync(grainId, 2, [Counter(-2)]));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Journal.AppendAsync(grainId, 1, [Counter(-1)]));
        Assert.Equal([4L], (await Journal.ReadAsync<CounterState>(grainId, after: 0)).Select(entry => entry.Sequence));
    }

    [Fact]
    public async Task Append_after_a_gap_fails()
    {
        var grainId = NewGrainId("gap");
        await Journal.AppendAsync(grainId, 1, [Counter(1), Counter(2)]);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Journal.AppendAsync(grainId, 4, [Counter(4)]));
        Assert.Equal([1L, 2L], (await Journal.ReadAsync<CounterState>(grainId, after: 0)).Select(entry => entry.Sequence));
    }

    [Fact]
    public async Task Rejected_append_leaves_others_of_its_statement()
    {
        var rejected = NewGrainId("rejected-in-batch");
        await Journal.AppendAsync(rejected, 1, [Counter(1), Counter(2)]);
        await Journal.TruncateAsync(rejected, through: 2);
        var others = Enumerable.Range(0, 50).Select(index => NewGrainId($"beside-rejected-{index}")).ToList();

        var stale = Journal.AppendAsync(rejected, 1, [Counter(-1)]);
        var rest = others.Select(grainId => Journal.AppendAsync(grainId, 1, [Counter(9)])).ToList();

        await Assert.ThrowsAsync<InconsistentStateException>(() => stale);
        await Task.WhenAll(rest);
        foreach (var grainId in others)
        {
            Assert.Equal([9], (await Journal.ReadAsync<CounterState>(grainId, after: 0)).Select(entry => entry.Value.Value));
        }
    }

    [Fact]
    public async Task Append_to_an_emptied_journal_succeeds()
    {
        // A truncation through a number past the last entry empties the journal, as truncations did before they kept
        // the entry at the number, and the grain's next append follows its snapshot's number.
        var grainId = NewGrainId("emptied");
        await Journal.AppendAsync(grainId, 1, [Counter(1), Counter(2)]);
        await Journal.TruncateAsync(grainId, through: 3);

        await Journal.AppendAsync(grainId, 3, [Counter(3)]);

        Assert.Equal([3L], (await Journal.ReadAsync<CounterState>(grainId, after: 2)).Select(entry => entry.Sequence));
    }

    [Fact]
    public async Task Append_of_no_entries_stores_nothing()
    {
        var grainId = NewGrainId("no-entries");
        await Journal.AppendAsync(grainId, 1, [Counter(1)]);

        await Journal.AppendAsync<CounterState>(grainId, 5, []);

        Assert.Equal([1L], (await Journal.ReadAsync<CounterState>(grainId, after: 0)).Select(entry => entry.Sequence));
    }

    private static CounterState Counter(int value) => new() { Value = value };

    private static GrainId NewGrainId(string name) => GrainId.Create("journal-probe", $"{name}-{Guid.NewGuid():N}");
}
