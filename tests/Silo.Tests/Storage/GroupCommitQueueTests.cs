using TermSync.Silo.Storage;

namespace TermSync.Silo.Tests.Storage;

public sealed class GroupCommitQueueTests
{
    [Fact]
    public async Task Items_queued_during_flush_share_next()
    {
        var firstFlushHeld = new TaskCompletionSource();
        var flushes = new List<IReadOnlyList<int>>();
        await using var queue = new GroupCommitQueue<int, int>(
            async items =>
            {
                flushes.Add(items);
                if (flushes.Count == 1)
                {
                    await firstFlushHeld.Task;
                }

                return [.. items.Select(item => item * 2)];
            },
            new FlushLimits<int>(100));

        var first = queue.EnqueueAsync(0);
        await WaitUntilAsync(() => flushes.Count == 1);
        var rest = Enumerable.Range(1, 150).Select(queue.EnqueueAsync).ToList();
        firstFlushHeld.SetResult();
        var results = await Task.WhenAll(rest.Prepend(first));

        Assert.Equal(Enumerable.Range(0, 151).Select(item => item * 2), results);
        Assert.Equal(3, flushes.Count);
        Assert.Equal([0], flushes[0]);
        Assert.Equal(Enumerable.Range(1, 100), flushes[1]);
        Assert.Equal(Enumerable.Range(101, 50), flushes[2]);
    }

    [Fact]
    public async Task Flush_stops_at_weight_or_repeated_key()
    {
        var firstFlushHeld = new TaskCompletionSource();
        var flushes = new List<IReadOnlyList<string>>();
        await using var queue = new GroupCommitQueue<string, string>(
            async items =>
            {
                flushes.Add(items);
                if (flushes.Count == 1)
                {
                    await firstFlushHeld.Task;
                }

                return [.. items];
            },
            new FlushLimits<string>(MaxItems: 10, MaxWeight: 6, Weigh: item => item.Length, Key: item => item[0]));

        var first = queue.EnqueueAsync("held");
        await WaitUntilAsync(() => flushes.Count == 1);
        var rest = new[] { "ab", "ax", "cd", "fghijkl", "m" }.Select(queue.EnqueueAsync).ToList();
        firstFlushHeld.SetResult();
        await Task.WhenAll(rest.Prepend(first));

        Assert.Equal<IReadOnlyList<string>[]>([["held"], ["ab"], ["ax", "cd"], ["fghijkl"], ["m"]], [.. flushes]);
    }

    [Fact]
    public async Task Failed_flush_fails_only_its_callers()
    {
        var calls = 0;
        await using var queue = new GroupCommitQueue<string, string>(
            items => Interlocked.Increment(ref calls) == 1
                ? throw new InvalidOperationException("The database is down.")
                : Task.FromResult<IReadOnlyList<string>>([.. items]),
            new FlushLimits<string>(int.MaxValue));

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => queue.EnqueueAsync("first"));
        var later = await queue.EnqueueAsync("second");

        Assert.Equal("The database is down.", failed.Message);
        Assert.Equal("second", later);
    }

    [Fact]
    public async Task Failed_flush_retries_each_item_alone()
    {
        var firstFlushHeld = new TaskCompletionSource();
        var flushes = 0;
        await using var queue = new GroupCommitQueue<string, string>(
            async items =>
            {
                if (Interlocked.Increment(ref flushes) == 1)
                {
                    await firstFlushHeld.Task;
                }

                return items.Contains("bad") ? throw new InvalidOperationException("A row is invalid.") : [.. items.Select(item => item.ToUpperInvariant())];
            },
            new FlushLimits<string>(int.MaxValue));

        var first = queue.EnqueueAsync("first");
        await WaitUntilAsync(() => Volatile.Read(ref flushes) == 1);
        var good = queue.EnqueueAsync("good");
        var bad = queue.EnqueueAsync("bad");
        var other = queue.EnqueueAsync("other");
        firstFlushHeld.SetResult();

        Assert.Equal("FIRST", await first);
        Assert.Equal("GOOD", await good);
        Assert.Equal("OTHER", await other);
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal("A row is invalid.", failed.Message);
        Assert.Equal(5, Volatile.Read(ref flushes));
    }

    [Fact]
    public async Task Dispose_flushes_queued_items_then_rejects()
    {
        var flushed = new List<int>();
        var queue = new GroupCommitQueue<int, bool>(
            async items =>
            {
                await Task.Delay(10);
                lock (flushed)
                {
                    flushed.AddRange(items);
                }

                return [.. items.Select(_ => true)];
            },
            new FlushLimits<int>(int.MaxValue),
            maxConcurrentFlushes: 2);
        var pending = Enumerable.Range(0, 50).Select(queue.EnqueueAsync).ToList();

        await queue.DisposeAsync();

        Assert.All(pending, task => Assert.True(task.IsCompletedSuccessfully));
        Assert.Equal(Enumerable.Range(0, 50), flushed.Order());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => queue.EnqueueAsync(51));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
