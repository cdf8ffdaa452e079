using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Npgsql;
using Serilog;
using Serilog.Extensions.Logging;
using TermSync.Benchmarks.Ingest;
using TermSync.Importer.Api;

namespace TermSync.Benchmarks.Metrics;

/// <summary>The "metrics measure" command: registers the loaded network's vendors, warms up, and times the reads of each series.</summary>
public static class MetricsMeasureCommand
{
    public const string Usage =
        $$"""
        Registers the vendors of a network that 'metrics load' wrote, then times receivables metrics reads of a
        running API with a co-hosted silo:
          live-network          GET /metrics/network/receivables                 (today's figures)
          live-vendor           GET /vendors/{vendorId}/metrics/receivables      (the vendor with the most invoices)
          past-quarter-network  GET /metrics/network/receivables?asOf=QUARTER-END (the quarter before the last date's)

        Usage:
          bash deploy/bench-metrics.sh [options]
          {{Driver.Command}} metrics measure --api URL --manifest FILE --silo-pid PID --output FILE [options]

        The script passes --api, --manifest, --silo-pid and --output itself, and passes on --rounds, --reads,
        --min-reads, --series-seconds and --warmup-reads.

        Options:
          --api URL            Root URL of the API (required).
          --manifest FILE      The manifest that 'metrics load' wrote (required).
          --silo-pid PID       Process id of the API that hosts the silo, whose memory is read from /proc (required).
          --output FILE        Writes the results as JSON, for 'metrics report' (required).
          --rounds N           Measured rounds; each times every series once. Default 3.
          --reads N            Reads per series and round, at most. Default 200.
          --min-reads N        Reads per series and round, at least. Default 5.
          --series-seconds N   A series stops after this many seconds once it has its minimum reads. Default 60.
          --warmup-reads N     Reads of each series after its first read, not counted, at most. Default 50.
                               They stop after --series-seconds, so slow reads get fewer.

        The API key comes from TERMSYNC_API_KEY and the database connection string, for PostgreSQL's count of rows read
        from receivables_ledger, from ConnectionStrings__TermSync.
        """;

    internal sealed record Settings(Uri Api, string ManifestPath, int SiloPid, string OutputPath, int Rounds, int MaxReads, int MinReads, int SeriesSeconds, int WarmupReads, string ConnectionString);

    /// <summary>Runs the command and returns the exit code: 0 when every check passed, 1 when one failed, 2 for invalid options.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        Settings settings;
        NetworkManifest network;
        try
        {
            settings = Parse(args);
            network = await NetworkManifest.LoadAsync(settings.ManifestPath, cancellationToken);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        using var loggerFactory = new SerilogLoggerFactory(Log.Logger);
        using var http = new HttpClient { BaseAddress = settings.Api, Timeout = TimeSpan.FromMinutes(30) };
        if (Environment.GetEnvironmentVariable("TERMSYNC_API_KEY") is { Length: > 0 } apiKey)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        await using var dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
        try
        {
            var result = await MeasureAsync(settings, network, http, new TermSyncClient(http, logger: loggerFactory.CreateLogger<TermSyncClient>()), new LedgerReadCounter(dataSource), cancellationToken);
            await result.SaveAsync(settings.OutputPath, cancellationToken);
            foreach (var problem in result.Problems)
            {
                Console.Error.WriteLine($"error: {problem}");
            }

            return result.Problems.Count == 0 ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TermSyncApiException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return 1;
        }
    }

    private static async Task<MeasureResult> MeasureAsync(Settings settings, NetworkManifest network, HttpClient http, TermSyncClient client, LedgerReadCounter counter, CancellationToken cancellationToken)
    {
        var progress = Console.Error;
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = LoadAverage.Read();

        var stopwatch = Stopwatch.StartNew();
        foreach (var vendor in network.Vendors)
        {
            await client.RegisterVendorAsync(new RegisterVendorRequest(vendor.Id, vendor.Name, vendor.ContactEmail, vendor.TimeZone), cancellationToken);
        }

        var registration = stopwatch.Elapsed;
        await progress.WriteLineAsync($"Registered {network.Vendors.Count} vendors in {registration.TotalSeconds:F1} s.");
        var beforeWarmup = ProcessMemory.Read(settings.SiloPid);

        var series = new (ReadSeries Series, IReadOnlyList<ExpectedAging> Expected)[]
        {
            (new ReadSeries(http, "live-network", "metrics/network/receivables"), network.LiveNetwork),
            (new ReadSeries(http, "live-vendor", $"vendors/{network.MeasuredVendorId}/metrics/receivables"), network.LiveVendor),
            (new ReadSeries(http, "past-quarter-network", $"metrics/network/receivables?asOf={network.PastQuarterEnd:yyyy-MM-dd}"), network.PastQuarterNetwork),
        };

        // The first read of each series is timed on its own, because where grains keep the live figures, the first live read activates them.
        var problems = new List<string>();
        var firstReads = new Dictionary<string, double>(StringComparer.Ordinal);
        var firstSources = new Dictionary<string, string>(StringComparer.Ordinal);
        var warmupCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (read, expected) in series)
        {
            var (latency, body) = await read.ReadOnceAsync(cancellationToken);
            firstReads[read.Name] = latency.TotalSeconds;
            firstSources[read.Name] = ReadSeries.SourceOf(body);
            problems.AddRange(AgingCheck.Compare($"GET /{read.Path}", body, expected));
            await progress.WriteLineAsync($"First {read.Name} read: {latency.TotalSeconds:F2} s, source {firstSources[read.Name]}.");
            var warmup = Stopwatch.StartNew();
            var warmupReads = 0;
            while (warmupReads < settings.WarmupReads && warmup.Elapsed < TimeSpan.FromSeconds(settings.SeriesSeconds))
            {
                await read.ReadOnceAsync(cancellationToken);
                warmupReads++;
            }

            warmupCounts[read.Name] = warmupReads;
        }

        var afterWarmup = ProcessMemory.Read(settings.SiloPid);
        var results = new List<SeriesResult>();
        var rowsPerRead = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var round = 1; round <= settings.Rounds && problems.Count == 0; round++)
        {
            foreach (var (read, _) in series)
            {
                var rowsBefore = round == 1 ? await counter.ReadSettledAsync(cancellationToken) : 0;
                var result = await read.RunAsync(round, settings.MaxReads, settings.MinReads, TimeSpan.FromSeconds(settings.SeriesSeconds), cancellationToken);
                if (round == 1)
                {
                    rowsPerRead[read.Name] = (await counter.ReadSettledAsync(cancellationToken) - rowsBefore) / (double)result.Reads;
                }

                results.Add(result);
                await progress.WriteLineAsync($"Round {round}, {read.Name}: {result.Reads} reads, p50 {result.P50 / 1000.0:F1} ms, p99 {result.P99 / 1000.0:F1} ms, max {result.Max / 1000.0:F1} ms, source {string.Join(" and ", result.Sources)}.");
            }
        }

        return new MeasureResult(
            network,
            startedAt,
            DateTimeOffset.UtcNow,
            settings.Rounds,
            settings.MaxReads,
            settings.MinReads,
            settings.SeriesSeconds,
            settings.WarmupReads,
            registration.TotalSeconds,
            firstReads,
            firstSources,
            warmupCounts,
            rowsPerRead,
            beforeWarmup,
            afterWarmup,
            ProcessMemory.Read(settings.SiloPid),
            results,
            loadAtStart,
            LoadAverage.Read(),
            problems);
    }

    internal static Settings Parse(IReadOnlyList<string> args)
    {
        var values = OptionValues.Parse(args, ["--api URL", "--manifest FILE", "--silo-pid PID", "--output FILE", "--rounds N", "--reads N", "--min-reads N", "--series-seconds N", "--warmup-reads N"]);
        var api = values.RequiredText("--api", "http://127.0.0.1:5080");
        if (!Uri.TryCreate(api.EndsWith('/') ? api : api + "/", UriKind.Absolute, out var apiUri))
        {
            throw new ArgumentException($"The option --api is '{api}', which is not an absolute URL. Pass the API root, such as --api http://127.0.0.1:5080.");
        }

        values.RequiredText("--silo-pid", "12345");
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__TermSync") is { Length: > 0 } found
            ? found
            : throw new ArgumentException("The environment variable ConnectionStrings__TermSync is missing; set it to the database's connection string.");
        var minReads = values.Integer("--min-reads", 5, 1);
        return new Settings(
            apiUri,
            values.RequiredText("--manifest", "var/bench-metrics/network.json"),
            values.Integer("--silo-pid", 0, 1),
            values.RequiredText("--output", "var/bench-metrics/result.json"),
            values.Integer("--rounds", 3, 1, 100),
            values.Integer("--reads", 200, minReads),
            minReads,
            values.Integer("--series-seconds", 60, 1),
            values.Integer("--warmup-reads", 50, 0),
            connectionString);
    }
}
