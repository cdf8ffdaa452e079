namespace TermSync.Grains.Storage;

/// <summary>
/// Coalesces the state writes of one reentrant grain. A write requested while another one runs waits for the next
/// write, which stores every change made in between, so a burst of calls costs two writes instead of one each. Each
/// caller's task completes once a write that started after its request finished, and fails when that write failed.
/// </summary>
/// <remarks>
/// Use it only on the grain's own scheduler: it relies on grain turns running one at a time. The caller changes the
/// state in memory before it calls <see cref="WriteAsync"/>, within the same turn.
/// </remarks>
/// <param name="write">Writes the grain's state, such as the WriteStateAsync method of its persistent state.</param>
/// <param name="failed">
/// Runs when a write fails, before its callers see the exception. A failed write leaves the changes in memory only,
/// so grains pass <see cref="Grain.DeactivateOnIdle"/> here and their next activation reloads the stored state.
/// </param>
public sealed class CoalescedStateWriter(Func<Task> write, Action failed)
{
    private TaskCompletionSource? _next;
    private bool _writing;
    private bool _unsaved;

    /// <summary>Requests a write of the current state and completes once it is stored.</summary>
    public Task WriteAsync()
    {
        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stored = _next.Task;
        if (!_writing)
        {
            _writing = true;
            _ = WriteLoopAsync();
        }

        return stored;
    }

    /// <summary>
    /// Completes once every change made so far is stored: at once when no write runs and none failed, and otherwise
    /// after a new write. A call that finds its change already applied in memory awaits this before it reports success.
    /// </summary>
    public Task StoredAsync() => _writing || _unsaved ? WriteAsync() : Task.CompletedTask;

    private async Task WriteLoopAsync()
    {
        while (_next is { } requested)
        {
            _next = null;
            try
            {
                await write();
                _unsaved = false;
                requested.SetResult();
            }
            catch (Exception exception)
            {
                _unsaved = true;
                try
                {
                    failed();
                }
                finally
                {
                    requested.SetException(exception);
                }
            }
        }

        _writing = false;
    }
}
