using System.Text.Json;

namespace TermSync.Benchmarks.Metrics;

/// <summary>What <c>metrics measure</c> found for one network size, saved as JSON for <c>metrics report</c>.</summary>
/// <param name="RegistrationSeconds">Time to register every vendor through POST /vendors.</param>
/// <param name="FirstReadSeconds">Latency of the first read of each series, in the order sent: the live network read first, which activates the grains behind it.</param>
/// <param name="FirstReadSources">The "source" property of the first response of each series, or "none".</param>
/// <param name="WarmupReadCounts">Reads of each series after its first read and before round 1, not counted.</param>
/// <param name="LedgerRowsPerRead">Rows of receivables_ledger that PostgreSQL read per request, over each series of round 1.</param>
/// <param name="BeforeWarmup">Memory of the API process with its co-hosted silo after the vendors were registered.</param>
/// <param name="AfterWarmup">The same after the warm-up reads.</param>
/// <param name="AtEnd">The same after the last round.</param>
/// <param name="Problems">Failed checks; the figures are invalid unless this is empty.</param>
public sealed record MeasureResult(
    NetworkManifest Network,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    int Rounds,
    int MaxReads,
    int MinReads,
    int SeriesSeconds,
    int WarmupReads,
    double RegistrationSeconds,
    IReadOnlyDictionary<string, double> FirstReadSeconds,
    IReadOnlyDictionary<string, string> FirstReadSources,
    IReadOnlyDictionary<string, int> WarmupReadCounts,
    IReadOnlyDictionary<string, double> LedgerRowsPerRead,
    ProcessMemory BeforeWarmup,
    ProcessMemory AfterWarmup,
    ProcessMemory AtEnd,
    IReadOnlyList<SeriesResult> Series,
    string LoadAtStart,
    string LoadAtEnd,
    IReadOnlyList<string> Problems)
{
    public async Task SaveAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, NetworkManifest.JsonOptions, cancellationToken);
    }

    /// <exception cref="ArgumentException">The file is missing or is not a result.</exception>
    public static async Task<MeasureResult> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"The result file '{path}' does not exist; pass files that the driver's 'metrics measure' command wrote with --output.");
        }

        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<MeasureResult>(file, NetworkManifest.JsonOptions, cancellationToken)
            ?? throw new ArgumentException($"The result file '{path}' is empty.");
    }
}
