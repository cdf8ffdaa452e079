using System.Threading.Channels;

namespace TermSync.Silo.Storage;

/// <summary>
/// Group commit for statements to PostgreSQL. Items of concurrent callers queue up while flushes run, and the next flush
/// hands all of them to one call of the flush function, which writes them in one statement. Each caller's task
/// completes with its own item's result after that call returned. When the call fails, each item is flushed again on
/// its own, and only a caller whose own flush fails receives the exception.
/// </summary>
/// <typeparam name="TItem">One caller's item.</typeparam>
/// <typeparam name="TResult">The result of one item, in the order of the items the flush function received.</typeparam>
public sealed class GroupCommitQueue<TItem, TResult> : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> _flush;
    private readonly FlushLimits<TItem> _limits;
    private readonly int _maxConcurrentFlushes;
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _flushLoop;
    private Pending? _carried;

    /// <summary>Starts the flush loop.</summary>
    /// <param name="flush">Writes the items of one flush and returns one result per item, in the same order.</param>
    /// <param name="limits">How many items one flush takes; an item that does not fit waits for the next flush.</param>
    /// <param name="maxConcurrentFlushes">
    /// How many flushes may run at once. With more than one, the flush function must accept items of overlapping flushes
    /// in any order.
    /// </param>
    public GroupCommitQueue(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> flush, FlushLimits<TItem> limits, int maxConcurrentFlushes = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentFlushes, 1);
        ArgumentNullException.ThrowIfNull(flush);
        ArgumentNullException.ThrowIfNull(limits);
        _flush = flush;
        _limits = limits;
        _maxConcurrentFlushes = maxConcurrentFlushes;
        _flushLoop = Task.Run(RunFlushLoopAsync);
    }

    /// <summary>
    /// Raised after each flush with the number of items it wrote, or with the exception it failed with. A failed flush of
    /// several items is followed by one flush per item, so only the callers whose own flush fails receive an exception.
    /// </summary>
    public event Action<int, Exception?>? Flushed;

    /// <summary>Queues <paramref name="item"/> and completes with its result once the flush holding it returned.</summary>
    /// <exception cref="ObjectDisposedException">The queue is stopped.</exception>
    public Task<TResult> EnqueueAsync(TItem item)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommitQueue<TItem, TResult>), "The group-commit queue is stopped and takes no more items.");
        }

        return pending.Completion.Task;
    }

    /// <summary>Flushes every queued item, then stops the flush loop.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _flushLoop;
    }

    private async Task RunFlushLoopAsync()
    {
        var running = new List<Task>();
        while (true)
        {
            running.RemoveAll(flush => flush.IsCompleted);
            if (running.Count >= _maxConcurrentFlushes)
            {
                await Task.WhenAny(running);
                continue;
            }

            if (_carried is null && !await _pending.Reader.WaitToReadAsync())
            {
                break;
            }

            running.Add(FlushAsync(TakeBatch()));
        }

        await Task.WhenAll(running);
    }

    private async Task FlushAsync(List<Pending> batch)
    {
        try
        {
            var results = await _flush(batch.ConvertAll(pending => pending.Item));
            for (var index = 0; index < batch.Count; index++)
            {
                batch[index].Completion.TrySetResult(results[index]);
            }

            Flushed?.Invoke(batch.Count, null);
        }
        catch (Exception exception) when (batch.Count > 1)
        {
            // One bad item, or a deadlock between concurrent flushes, must not fail every other caller of the flush,
            // so each item is tried again on its own.
            Flushed?.Invoke(batch.Count, exception);
            foreach (var pending in batch)
            {
                await FlushAsync([pending]);
            }
        }
        catch (Exception exception)
        {
            // The error goes to the caller, because the loop must keep serving later items.
            batch[0].Completion.TrySetException(exception);
            Flushed?.Invoke(1, exception);
        }
    }

    /// <summary>Takes queued items until one does not fit, which is carried to the next flush. The first item always fits.</summary>
    private List<Pending> TakeBatch()
    {
        var batch = new List<Pending>();
        var tally = _limits.Start();
        if (_carried is { } carried)
        {
            tally.TryAdd(carried.Item);
            batch.Add(carried);
            _carried = null;
        }

        while (_pending.Reader.TryRead(out var pending))
        {
            if (!tally.TryAdd(pending.Item))
            {
                _carried = pending;
                break;
            }

            batch.Add(pending);
        }

        return batch;
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Completion);
}
