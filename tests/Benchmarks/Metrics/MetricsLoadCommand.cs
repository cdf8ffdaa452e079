using System.Diagnostics;
using Npgsql;

namespace TermSync.Benchmarks.Metrics;

/// <summary>The "metrics load" command: generates a network and copies it into an empty receivables_ledger table.</summary>
public static class MetricsLoadCommand
{
    public const string Usage =
        $"""
        Generates a receivables network and writes it straight into the receivables_ledger table with a binary COPY,
        bypassing the API and the invoice grains. The table must be empty.

        Usage:
          bash deploy/bench-metrics.sh [options]
          {Driver.Command} metrics load --invoices N --manifest FILE [options]

        The script passes --invoices once for each network size and --manifest itself, and passes on --seed, --vendors,
        --invoices-per-customer and --last-date.

        Options:
          --invoices N                Invoices to generate (required).
          --manifest FILE             Writes what was loaded, and the figures the API must return for it, as JSON (required).
          --seed N                    Seed of the generator. Default 1.
          --vendors N                 Vendors, 1 to 999; vendor-001 has the most invoices. Default 200.
          --invoices-per-customer N   Average invoices per customer, which sets the customer count. Default 20.
          --last-date YYYY-MM-DD      Last date of any entry; issue dates cover the 730 days ending with it.
                                      Default yesterday (UTC). Must be before today.

        The connection string comes from the environment variable ConnectionStrings__TermSync, as for the silo.
        """;

    /// <summary>Runs the command and returns the exit code: 0 when loaded, 1 when the table was not empty, 2 for invalid options.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        LedgerNetworkOptions network;
        string manifestPath;
        string connectionString;
        try
        {
            (network, manifestPath) = Parse(args, DateOnly.FromDateTime(DateTime.UtcNow));
            connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__TermSync") is { Length: > 0 } found
                ? found
                : throw new ArgumentException("The environment variable ConnectionStrings__TermSync is missing; set it to the database's connection string.");
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var existing = await LedgerCopy.CountRowsAsync(dataSource, cancellationToken);
        if (existing > 0)
        {
            Console.Error.WriteLine($"error: receivables_ledger already contains {existing:N0} rows; load into a new database, as deploy/bench-metrics.sh does.");
            return 1;
        }

        var progress = Console.Error;
        await progress.WriteLineAsync($"Generating {network.Invoices:N0} invoices of {network.Vendors} vendors and {network.Customers:N0} customers, issued {network.FirstDate:yyyy-MM-dd} to {network.LastDate:yyyy-MM-dd}.");
        var stopwatch = Stopwatch.StartNew();
        var ledger = LedgerNetworkGenerator.Generate(network);
        var generation = stopwatch.Elapsed;
        await progress.WriteLineAsync($"Generated {ledger.Rows.Count:N0} rows in {generation.TotalSeconds:F1} s.");

        stopwatch.Restart();
        var copied = await LedgerCopy.WriteAsync(dataSource, ledger, progress, cancellationToken);
        var copy = stopwatch.Elapsed;
        await progress.WriteLineAsync($"Copied {copied:N0} rows in {copy.TotalSeconds:F1} s.");

        stopwatch.Restart();
        await LedgerCopy.VacuumAnalyzeAsync(dataSource, cancellationToken);
        var vacuum = stopwatch.Elapsed;
        await progress.WriteLineAsync($"Ran VACUUM (ANALYZE) in {vacuum.TotalSeconds:F1} s.");

        var manifest = Describe(ledger, (long)copied, generation, copy, vacuum, await LedgerCopy.TotalSizeAsync(dataSource, cancellationToken));
        await manifest.SaveAsync(manifestPath, cancellationToken);
        return 0;
    }

    internal static (LedgerNetworkOptions Network, string ManifestPath) Parse(IReadOnlyList<string> args, DateOnly today)
    {
        var values = OptionValues.Parse(args, ["--invoices N", "--manifest FILE", "--seed N", "--vendors N", "--invoices-per-customer N", "--last-date YYYY-MM-DD"]);
        values.RequiredText("--invoices", "10000");
        var manifestPath = values.RequiredText("--manifest", "var/bench-metrics/network.json");
        var network = new LedgerNetworkOptions
        {
            Invoices = values.Integer("--invoices", 0, 1),
            Seed = values.Integer("--seed", 1, int.MinValue),
            Vendors = values.Integer("--vendors", 200, 1, 999),
            InvoicesPerCustomer = values.Integer("--invoices-per-customer", 20, 1),
            LastDate = values.Date("--last-date", today.AddDays(-1)),
        };
        if (network.LastDate >= today)
        {
            throw new ArgumentException($"The option --last-date is {network.LastDate:yyyy-MM-dd}, which is not before today ({today:yyyy-MM-dd}); live figures are read for today, so every entry must be older. Pass an earlier date or omit it.");
        }

        return (network, manifestPath);
    }

    private static NetworkManifest Describe(GeneratedLedger ledger, long rows, TimeSpan generation, TimeSpan copy, TimeSpan vacuum, long tableBytes)
    {
        var options = ledger.Options;
        var invoicesPerVendor = new int[ledger.Vendors.Count];
        foreach (var invoice in ledger.Invoices)
        {
            invoicesPerVendor[invoice.Vendor]++;
        }

        var measured = Array.IndexOf(invoicesPerVendor, invoicesPerVendor.Max());
        var byCurrency = ledger.Invoices
            .GroupBy(invoice => ledger.Vendors[invoice.Vendor].Currency, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        return new NetworkManifest(
            options.Invoices,
            options.Seed,
            options.Customers,
            options.FirstDate,
            options.LastDate,
            options.PastQuarterEnd,
            ledger.Vendors,
            rows,
            ledger.CountRowsByKind(),
            byCurrency,
            generation.TotalSeconds,
            copy.TotalSeconds,
            vacuum.TotalSeconds,
            tableBytes,
            ledger.Vendors[measured].Id,
            invoicesPerVendor[measured],
            ExpectedReceivables.At(ledger, options.LastDate),
            ExpectedReceivables.At(ledger, options.PastQuarterEnd),
            ExpectedReceivables.At(ledger, options.LastDate, measured));
    }
}
