using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Npgsql;
using Serilog;
using Serilog.Extensions.Logging;
using TermSync.Benchmarks.Ingest;
using TermSync.Benchmarks.Metrics;
using TermSync.Importer.Api;

namespace TermSync.Benchmarks.Statement;

/// <summary>The "statement" command: loads both sides, checks that they return the same statement, and times the reads.</summary>
public static class StatementCommand
{
    private const string Live = "live";
    private const string Sql = "sql";
    private const string Profile = "vendor-profile";

    /// <summary>Runs the command until done, Ctrl+C or SIGTERM, and returns its exit code, which is 130 when cancelled.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, eventArgs) =>
        {
            eventArgs.Cancel = true;
            cancellation.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });

        try
        {
            return await RunAsync(args, cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled; no results were written.");
            return 130;
        }
    }

    /// <summary>Runs the command and returns the exit code: 0 when every check passed, 1 when one failed, 2 for invalid options.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Contains("--help"))
        {
            Console.Error.WriteLine(StatementOptions.Usage);
            return 0;
        }

        StatementOptions options;
        StatementNetwork network;
        try
        {
            options = StatementOptions.Parse(args, DateOnly.FromDateTime(DateTime.UtcNow));
            network = StatementNetwork.Create(options.Invoices, options.Seed, options.AsOf);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        using var loggerFactory = new SerilogLoggerFactory(Log.Logger);
        using var http = new HttpClient { BaseAddress = options.Api, Timeout = TimeSpan.FromMinutes(5) };
        if (Environment.GetEnvironmentVariable("TERMSYNC_API_KEY") is { Length: > 0 } apiKey)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        await using var dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        try
        {
            var client = new TermSyncClient(http, logger: loggerFactory.CreateLogger<TermSyncClient>());
            var result = await MeasureAsync(options, network, dataSource, http, client, cancellationToken);
            var markdown = StatementReport.ToMarkdown(result);
            await File.WriteAllTextAsync(options.MarkdownPath, markdown, cancellationToken);
            Console.Out.Write(markdown);
            foreach (var problem in result.Problems)
            {
                Console.Error.WriteLine($"error: {problem}");
            }

            return result.Problems.Count == 0 ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TermSyncApiException or NpgsqlException)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return 1;
        }
    }

    private static async Task<StatementResult> MeasureAsync(StatementOptions options, StatementNetwork network, NpgsqlDataSource dataSource, HttpClient http, TermSyncClient client, CancellationToken cancellationToken)
    {
        var progress = Console.Error;
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = LoadAverage.Read();

        await progress.WriteLineAsync($"Writing {network.Invoices:N0} invoices of {network.Vendors.Count} vendors into the invoices table.");
        var table = await InvoiceTable.LoadAsync(dataSource, network, progress, cancellationToken);

        var problems = new List<string>();
        var started = TimeProvider.System.GetTimestamp();
        problems.AddRange(await TargetCustomerLoader.LoadAsync(client, network, cancellationToken));
        var apiLoadSeconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        await progress.WriteLineAsync($"Pushed the target customer's {StatementNetwork.TargetInvoiceCount} invoices through the API in {apiLoadSeconds:F1} s.");

        var customerId = StatementNetwork.TargetCustomerId;
        var live = new ReadSeries(http, Live, $"customers/{customerId}/statement?asOf={options.AsOf:yyyy-MM-dd}");

        // A vendor profile read is one grain call with a small response, so it shows what HTTP, authentication and
        // one grain call cost on this machine, apart from the statement's own work.
        var profile = new ReadSeries(http, Profile, $"vendors/{network.Vendors[0].Id}");
        await using var sql = await StatementQuery.PrepareAsync(dataSource, customerId, options.AsOf, cancellationToken);

        // The first read of each kind is timed apart, because it runs its code paths for the first time in the process.
        var (firstLive, body) = await live.ReadOnceAsync(cancellationToken);
        started = TimeProvider.System.GetTimestamp();
        var sqlStatement = await sql.ReadAsync(cancellationToken);
        var firstSql = TimeProvider.System.GetElapsedTime(started);
        var liveStatement = StatementView.FromApi(body);
        problems.AddRange(Check(liveStatement, sqlStatement, network));

        Func<CancellationToken, Task<TimeSpan>> readLive = async token => (await live.ReadOnceAsync(token)).Latency;
        Func<CancellationToken, Task<TimeSpan>> readProfile = async token => (await profile.ReadOnceAsync(token)).Latency;
        Func<CancellationToken, Task<TimeSpan>> readSql = async token =>
        {
            var readStarted = TimeProvider.System.GetTimestamp();
            await sql.ReadAsync(token);
            return TimeProvider.System.GetElapsedTime(readStarted);
        };
        await TimedSeries.RunAsync(Live, 0, options.WarmupReads, readLive, cancellationToken);
        await TimedSeries.RunAsync(Sql, 0, options.WarmupReads, readSql, cancellationToken);
        await TimedSeries.RunAsync(Profile, 0, options.WarmupReads, readProfile, cancellationToken);

        var readCounter = new LedgerReadCounter(dataSource, tableName: null);
        var series = new List<SeriesResult>();
        long? rowsReadDuringLive = null;
        for (var round = 1; round <= options.Rounds && problems.Count == 0; round++)
        {
            var rowsBefore = round == 1 ? await readCounter.ReadSettledAsync(cancellationToken) : 0;
            series.Add(await TimedSeries.RunAsync(Live, round, options.Reads, readLive, cancellationToken));
            if (round == 1)
            {
                rowsReadDuringLive = await readCounter.ReadSettledAsync(cancellationToken) - rowsBefore;
            }

            series.Add(await TimedSeries.RunAsync(Sql, round, options.Reads, readSql, cancellationToken));
            series.Add(await TimedSeries.RunAsync(Profile, round, options.Reads, readProfile, cancellationToken));
            foreach (var result in series.TakeLast(3))
            {
                await progress.WriteLineAsync($"Round {round}, {result.Name}: p50 {result.P50 / 1000.0:F2} ms, p99 {result.P99 / 1000.0:F2} ms, max {result.Max / 1000.0:F2} ms.");
            }
        }

        // The statements after the rounds must still match, so no read in between changed either side.
        problems.AddRange(Check(StatementView.FromApi((await live.ReadOnceAsync(cancellationToken)).Body), await sql.ReadAsync(cancellationToken), network));
        var plan = await sql.ExplainAsync(customerId, options.AsOf, cancellationToken);

        return new StatementResult(
            network.Invoices,
            network.Seed,
            network.AsOf,
            network.Vendors.Count,
            network.OtherCustomers,
            customerId,
            table,
            apiLoadSeconds,
            firstLive.TotalMicroseconds,
            firstSql.TotalMicroseconds,
            System.Text.Encoding.UTF8.GetByteCount(body),
            options.WarmupReads,
            rowsReadDuringLive,
            series,
            liveStatement.Totals.Where(total => total.VendorId is null).ToList(),
            plan,
            startedAt,
            DateTimeOffset.UtcNow,
            loadAtStart,
            LoadAverage.Read(),
            problems);
    }

    /// <summary>Checks that the API and the SQL query return the same statement, holding the target customer's 200 invoices.</summary>
    private static IEnumerable<string> Check(StatementView live, StatementView sql, StatementNetwork network)
    {
        var problems = live.Compare(sql, "the API", "the SQL query").ToList();
        var expected = network.TargetInvoices()
            .Select(invoice => $"{invoice.VendorId}/{invoice.InvoiceNumber}")
            .Order(StringComparer.Ordinal);
        var returned = live.Lines.Select(line => $"{line.VendorId}/{line.InvoiceNumber}").Order(StringComparer.Ordinal);
        if (!expected.SequenceEqual(returned))
        {
            problems.Add($"The API returned {live.Lines.Count} invoices, not exactly the target customer's {StatementNetwork.TargetInvoiceCount} generated ones.");
        }

        var counted = live.Totals.Where(total => total.VendorId is null).Sum(total => total.OpenCount);
        if (counted != StatementNetwork.TargetInvoiceCount)
        {
            problems.Add($"The API's totals count {counted} open invoices instead of {StatementNetwork.TargetInvoiceCount}.");
        }

        return problems;
    }
}
