using System.Diagnostics;
using System.Text.Json;
using HdrHistogram;

namespace TermSync.Benchmarks.Metrics;

/// <summary>Latency of the reads of one series in one round, in microseconds, from an HDR histogram with 3 significant digits.</summary>
/// <param name="Name">"live-network", "live-vendor" or "past-quarter-network".</param>
/// <param name="Elapsed">Wall-clock time of the whole series.</param>
/// <param name="Sources">The distinct values of the responses' "source" property ("live" or "ledger"), or "none" for a response without it.</param>
public sealed record SeriesResult(string Name, int Round, int Reads, TimeSpan Elapsed, long P50, long P90, long P99, long Max, double Mean, IReadOnlyList<string> Sources);

/// <summary>
/// Sends GET requests to one path, one after the other, and records each one's latency from sending the request to
/// reading the last byte of the response. Any status other than 200 fails the series.
/// </summary>
public sealed class ReadSeries(HttpClient http, string name, string path)
{
    public string Name => name;

    public string Path => path;

    /// <summary>Sends one request and returns its latency and the response body.</summary>
    /// <exception cref="HttpRequestException">The response status is not 200.</exception>
    public async Task<(TimeSpan Latency, string Body)> ReadOnceAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(path, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var latency = Stopwatch.GetElapsedTime(started);
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            throw new HttpRequestException($"GET {path} returned {(int)response.StatusCode} {response.StatusCode} instead of 200: {Truncate(body)}");
        }

        return (latency, body);
    }

    /// <summary>
    /// Sends up to <paramref name="maxReads"/> requests. Once <paramref name="minReads"/> are done, it stops early when
    /// the series has run for <paramref name="budget"/>, so that slow reads still end in bounded time.
    /// </summary>
    public async Task<SeriesResult> RunAsync(int round, int maxReads, int minReads, TimeSpan budget, CancellationToken cancellationToken)
    {
        var histogram = new LongHistogram(1, TimeSpan.FromHours(1).Ticks / TimeSpan.TicksPerMicrosecond, 3);
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        var stopwatch = Stopwatch.StartNew();
        var reads = 0;
        while (reads < maxReads && (reads < minReads || stopwatch.Elapsed < budget))
        {
            var (latency, body) = await ReadOnceAsync(cancellationToken);
            histogram.RecordValue(Math.Max(1, (long)latency.TotalMicroseconds));
            sources.Add(SourceOf(body));
            reads++;
        }

        stopwatch.Stop();
        return new SeriesResult(
            name,
            round,
            reads,
            stopwatch.Elapsed,
            histogram.GetValueAtPercentile(50),
            histogram.GetValueAtPercentile(90),
            histogram.GetValueAtPercentile(99),
            histogram.GetMaxValue(),
            histogram.GetMean(),
            [.. sources]);
    }

    /// <summary>Returns the response's "source" property ("live" for running totals, "ledger" for SQL), or "none" when it has none.</summary>
    public static string SourceOf(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("source", out var source) && source.GetString() is { Length: > 0 } text ? text : "none";
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
