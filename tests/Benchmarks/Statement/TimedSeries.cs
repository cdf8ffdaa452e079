using HdrHistogram;
using TermSync.Benchmarks.Metrics;

namespace TermSync.Benchmarks.Statement;

/// <summary>Times a fixed number of sequential reads and records their latency in an HDR histogram with 3 significant digits.</summary>
public static class TimedSeries
{
    /// <summary>Calls <paramref name="readOnce"/> <paramref name="reads"/> times, one after the other. Each call returns its own latency.</summary>
    public static async Task<SeriesResult> RunAsync(string name, int round, int reads, Func<CancellationToken, Task<TimeSpan>> readOnce, CancellationToken cancellationToken)
    {
        var histogram = new LongHistogram(1, TimeSpan.FromHours(1).Ticks / TimeSpan.TicksPerMicrosecond, 3);
        var started = TimeProvider.System.GetTimestamp();
        for (var read = 0; read < reads; read++)
        {
            var latency = await readOnce(cancellationToken);
            histogram.RecordValue(Math.Max(1, (long)latency.TotalMicroseconds));
        }

        return new SeriesResult(
            name,
            round,
            reads,
            TimeProvider.System.GetElapsedTime(started),
            histogram.GetValueAtPercentile(50),
            histogram.GetValueAtPercentile(90),
            histogram.GetValueAtPercentile(99),
            histogram.GetMaxValue(),
            histogram.GetMean(),
            []);
    }
}
