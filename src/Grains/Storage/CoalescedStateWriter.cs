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
public sealed class CoalescedStateWriter(Func<Task> write)
{
    private TaskCompletionSource? _next;
    private bool _writing;

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

    private async Task WriteLoopAsync()
    {
        while (_next is { } requested)
        {
            _next = null;
            try
            {
                await write();
                requested.SetResult();
            }
            catch (Exception exception)
            {
                requested.SetException(exception);
            }
        }

        _writing = false;
    }
}
