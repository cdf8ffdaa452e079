using System.Diagnostics;

namespace TermSync.Silo.Tests.Processes;

/// <summary>Waits for a condition by checking it repeatedly until a deadline, so tests wait on state and not on fixed delays.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Checks <paramref name="condition"/> every 200 ms until it returns true.</summary>
    /// <param name="describeFailure">Builds the text of the <see cref="TimeoutException"/>, such as the output of the processes involved.</param>
    /// <exception cref="TimeoutException">The condition was still false after <paramref name="timeout"/>.</exception>
    public static async Task UntilAsync(
        Func<CancellationToken, Task<bool>> condition,
        TimeSpan timeout,
        Func<Task<string>> describeFailure,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition(cancellationToken))
        {
            if (Stopwatch.GetElapsedTime(started) >= timeout)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s. {await describeFailure()}");
            }

            await Task.Delay(Interval, cancellationToken);
        }
    }

    /// <inheritdoc cref="UntilAsync(Func{CancellationToken, Task{bool}}, TimeSpan, Func{Task{string}}, CancellationToken)"/>
    public static Task UntilAsync(
        Func<CancellationToken, Task<bool>> condition,
        TimeSpan timeout,
        Func<string> describeFailure,
        CancellationToken cancellationToken) =>
        UntilAsync(condition, timeout, () => Task.FromResult(describeFailure()), cancellationToken);
}
